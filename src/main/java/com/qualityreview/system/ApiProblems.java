package com.qualityreview.system;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Errors of the HTTP API as RFC 9457 problem details: 400 for a bad period or parameter, 404 for
 * what does not exist, 409 for a conflict such as a review already running. The reason is also
 * left on the request ({@link #REFUSAL_REASON}) for the audit log of refused attempts.
 */
@RestControllerAdvice(annotations = RestController.class)
public class ApiProblems extends ResponseEntityExceptionHandler {

    /** Request attribute: why a request was refused, in words (read by the audit of refused attempts). */
    public static final String REFUSAL_REASON = "com.qualityreview.refusalReason";

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e, HttpServletRequest request) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage(), request);
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e, HttpServletRequest request) {
        return problem(HttpStatus.CONFLICT, e.getMessage(), request);
    }

    /** Bad input found by the domain (a period that does not parse, an unknown kind). */
    @ExceptionHandler({IllegalArgumentException.class, CommandException.class})
    ResponseEntity<ProblemDetail> badInput(RuntimeException e, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage(), request);
    }

    /**
     * A path or request parameter that is not one of the application's own values (a period such
     * as {@code 2026-13}): answered, as the domain says it, with what is wrong with it.
     */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        return reasonInWords(e).map(reason -> handleExceptionInternal(e, ProblemDetail.forStatusAndDetail(status, reason), headers,
                status, request)).orElseGet(() -> super.handleTypeMismatch(e, headers, status, request));
    }

    /**
     * Why a parameter could not become one of the application's own value types, in that type's
     * words ("Invalid period '2026-13': month must be 01 to 12, got 13"); empty for Spring's own
     * conversions (a number), whose refusals stay as Spring words them.
     */
    static Optional<String> reasonInWords(TypeMismatchException e) {
        if (e.getCause() instanceof ConversionFailedException failed && failed.getCause() instanceof IllegalArgumentException reason
                && failed.getTargetType().getType().getName().startsWith("com.qualityreview.")) {
            return Optional.ofNullable(reason.getMessage());
        }
        return Optional.empty();
    }

    /** Spring MVC's own refusals (a missing parameter, an unreadable body, an upload over the size limit). */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        String reason = body instanceof ProblemDetail problem && problem.getDetail() != null ? problem.getDetail() : e.getMessage();
        request.setAttribute(REFUSAL_REASON, reason, RequestAttributes.SCOPE_REQUEST);
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, HttpServletRequest request) {
        request.setAttribute(REFUSAL_REASON, detail);
        return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
