package com.qualityreview.system;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.TypeMismatchException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What every console page needs: who is logged in and whether they may change things; and a
 * failed action (bad period, not running, already running) shown as a message on the page it
 * came from rather than an error page.
 */
@ControllerAdvice(annotations = ConsolePage.class)
class ConsoleAdvice {

    @ModelAttribute("user")
    String user() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? null : authentication.getName();
    }

    @ModelAttribute("admin")
    boolean admin() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
    }

    /** Also a parameter that could not be converted for such a reason (matched by its cause): a bad period in its own words. */
    @ExceptionHandler({CommandException.class, IllegalArgumentException.class})
    String failed(RuntimeException e, HttpServletRequest request, RedirectAttributes redirect) {
        String reason = e instanceof TypeMismatchException mismatch ? ApiProblems.reasonInWords(mismatch).orElse(e.getMessage())
                : e.getMessage();
        redirect.addFlashAttribute("error", reason);
        request.setAttribute(ApiProblems.REFUSAL_REASON, reason);
        String back = request.getHeader("Referer");
        // Only back to a page of this console, never to a URL a request names.
        String path = back == null ? "/" : back.replaceFirst("^https?://[^/]+", "");
        return "redirect:" + (path.startsWith("/") && !path.startsWith("//") ? path : "/");
    }
}
