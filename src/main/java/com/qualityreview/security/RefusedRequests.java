package com.qualityreview.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.qualityreview.system.ApiProblems;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records in the audit log every request that would have changed something and was refused —
 * not logged in (401), not allowed (403), cross-site (403), throttled (429), bad input (400), not
 * found (404), a conflict (409), a console action turned back with a message, a failed login
 * form — or failed (5xx): who (or the name they claimed), from which address, and why.
 */
final class RefusedRequests extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RefusedRequests.class);

    private final AuditLog audit;

    RefusedRequests(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SameOriginRequests.SAFE_METHODS.contains(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        int status = 500;
        try {
            chain.doFilter(request, response);
            status = response.getStatus();
        }
        finally {
            Object reason = request.getAttribute(ApiProblems.REFUSAL_REASON);
            if (reason != null || status >= 400) {
                record(request, status, reason != null ? reason.toString() : phrase(status));
            }
        }
    }

    private void record(HttpServletRequest request, int status, String reason) {
        String outcome = (status >= 400 ? status + " " : "") + "from " + request.getRemoteAddr() + ": " + reason;
        String target = request.getMethod() + " " + request.getRequestURI();
        try {
            audit.recordAs(who(request), status >= 500 ? "failed request" : "refused request", target, outcome);
        }
        catch (RuntimeException e) {
            log.warn("refused {} {} (not in the audit log: {})", AuditLog.escape(target), AuditLog.escape(outcome), e.getMessage());
        }
    }

    /** The user logged in, else the name the request claimed (HTTP Basic, the login form), else anonymous. */
    private static String who(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated() && !(authentication instanceof AnonymousAuthenticationToken)) {
            return authentication.getName();
        }
        String claimed = null;
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String credentials = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
                claimed = credentials.contains(":") ? credentials.substring(0, credentials.indexOf(':')) : credentials;
            }
            catch (IllegalArgumentException e) {
                claimed = "(unreadable Basic credentials)";
            }
        }
        else if (request.getServletPath().equals("/login")) {
            claimed = request.getParameter("username");
        }
        return claimed == null || claimed.isEmpty() ? "anonymous" : claimed + " (not logged in)";
    }

    private static String phrase(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? "status " + status : known.getReasonPhrase();
    }
}
