package com.qualityreview.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks a name and password (HTTP Basic and the login form alike) unless the name or the address
 * is locked out by the {@link LoginThrottle}; counts the failures.
 */
class ThrottledAuthentication implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final LoginThrottle throttle;

    ThrottledAuthentication(AuthenticationProvider passwords, LoginThrottle throttle) {
        this.passwords = passwords;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String name = attempt.getName();
        String address = attempt.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : "unknown";
        throttle.check(name, address);
        Authentication authenticated;
        try {
            authenticated = passwords.authenticate(attempt);
        }
        catch (BadCredentialsException e) {
            throttle.failed(name, address);
            throw e;
        }
        throttle.succeeded(name);
        return authenticated;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
