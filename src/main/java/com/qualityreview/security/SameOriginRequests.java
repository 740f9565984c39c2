package com.qualityreview.security;

import java.io.IOException;
import java.net.URI;
import java.util.Set;

import com.qualityreview.system.ApiProblems;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request that changes something (anything but GET, HEAD, OPTIONS) when a browser sent
 * it for another site: a form on another site posting to the API with Basic credentials the
 * browser remembers, say. The browser says where a request comes from: {@code Sec-Fetch-Site}
 * (every current browser), else {@code Origin}. Only {@code same-origin} and {@code none} (typed
 * by the user) pass. Clients that are not browsers (curl, scripts) send neither and pass.
 */
final class SameOriginRequests extends OncePerRequestFilter {

    static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String refusal = SAFE_METHODS.contains(request.getMethod()) ? null : crossSite(request);
        if (refusal == null) {
            chain.doFilter(request, response);
            return;
        }
        request.setAttribute(ApiProblems.REFUSAL_REASON, refusal);
        SecurityConfiguration.problem(response, 403, "Forbidden", refusal);
    }

    /** Why the request comes from another site, or null when it does not. */
    static String crossSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return site.equals("same-origin") || site.equals("none") ? null
                    : "refused a request sent by a browser from another site (Sec-Fetch-Site: " + site + ")";
        }
        String origin = request.getHeader("Origin");
        if (origin != null && !sameOrigin(origin, request)) {
            return "refused a request sent by a browser from another site (Origin: " + origin + ")";
        }
        return null;
    }

    private static boolean sameOrigin(String origin, HttpServletRequest request) {
        try {
            URI uri = URI.create(origin.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return false; // "null" (a sandboxed frame, a file) or nonsense
            }
            int port = uri.getPort() != -1 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
            return uri.getScheme().equalsIgnoreCase(request.getScheme()) && uri.getHost().equalsIgnoreCase(request.getServerName())
                    && port == request.getServerPort();
        }
        catch (IllegalArgumentException e) {
            return false;
        }
    }
}
