package com.qualityreview.security;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.qualityreview.system.ApiProblems;
import com.qualityreview.system.QualityProperties;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;

/**
 * Who may do what. The API ({@code /api/**}, the OpenAPI document and {@code /actuator/**}) takes
 * HTTP Basic and no session, except the health and info endpoints, open to probes; the console
 * takes a login form, keeps a session and checks a CSRF token on every form. In both, VIEWER may
 * read (GET) and ADMIN may also change; a change a browser sends for another site is refused
 * ({@link SameOriginRequests}: Basic credentials a browser remembers must not work from another
 * site's form), failed logins are throttled ({@link LoginThrottle}), and every
 * refused change is in the audit log ({@link RefusedRequests}).
 */
@Configuration
@EnableWebSecurity
@ConditionalOnWebApplication
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);
    private static final String CHALLENGE = "Basic realm=\"Quality Review\"";

    /** The encodings of QualityProperties.User.PASSWORD_ENCODINGS only: never {noop} (plain text) nor a fast digest. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(),
                "pbkdf2", Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_5(),
                "pbkdf2@SpringSecurity_v5_8", Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8()));
    }

    /**
     * The users of {@code quality.users}. Outside the demo, no ADMIN with a password stops the
     * start: an open console would let anyone run and resend reviews.
     */
    @Bean
    UserDetailsService users(QualityProperties properties, PasswordEncoder encoder, ApplicationArguments arguments) {
        List<UserDetails> users = new ArrayList<>();
        for (QualityProperties.User user : properties.users()) {
            if (user.hasPassword()) {
                users.add(User.withUsername(user.name()).password(user.password()).roles(user.role()).build());
            }
        }
        boolean hasAdmin = properties.users().stream().anyMatch(u -> u.role().equals("ADMIN") && u.hasPassword());
        if (!hasAdmin) {
            boolean demo = arguments.getNonOptionArgs().stream().findFirst().filter("demo"::equals).isPresent();
            if (!demo) {
                throw new IllegalStateException("quality.users: no ADMIN user with a password is set; the console and the API"
                        + " will not start without one (set quality.users[0].name, quality.users[0].password={bcrypt}..."
                        + " and quality.users[0].role=ADMIN; see README, 'Console and API')");
            }
            String password = randomPassword();
            users.add(User.withUsername("admin").password(encoder.encode(password)).roles("ADMIN").build());
            // Printed, not logged: it is for the person at the terminal, and only for this demo run.
            System.out.println("demo console login: admin / " + password);
        }
        log.info("console and API users: {}", properties.users());
        return new InMemoryUserDetailsManager(users);
    }

    /** Names and passwords, for HTTP Basic and the login form alike, behind the throttle of failed logins. */
    @Bean
    AuthenticationManager authenticationManager(UserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(encoder);
        return new ProviderManager(new ThrottledAuthentication(passwords, throttle));
    }

    private static String randomPassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, AuthenticationManager authentication, AuditLog audit) throws Exception {
        AuthenticationEntryPoint logInFirst = SecurityConfiguration::logInFirst;
        http.securityMatcher("/api/**", "/v3/api-docs/**", "/actuator/**")
                .authorizeHttpRequests(requests -> requests
                        // Probes carry no credentials; anonymous callers get the status without details.
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers(HttpMethod.GET, "/**").hasAnyRole("ADMIN", "VIEWER")
                        .anyRequest().hasRole("ADMIN"))
                .authenticationManager(authentication)
                .httpBasic(basic -> basic.authenticationEntryPoint(logInFirst))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(logInFirst)
                        .accessDeniedHandler((request, response, e) -> {
                            String reason = "this needs the ADMIN role; VIEWER may only read";
                            request.setAttribute(ApiProblems.REFUSAL_REASON, reason);
                            problem(response, 403, "Forbidden", reason);
                        }))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // No session, so no CSRF token: what a token would stop, SameOriginRequests stops.
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")))
                .addFilterBefore(new SameOriginRequests(), BasicAuthenticationFilter.class)
                .addFilterAfter(new RefusedRequests(audit), SecurityContextHolderFilter.class);
        return http.build();
    }

    /**
     * 401 with a problem body; 429 while logins are throttled. The Basic challenge goes to clients
     * such as curl only: a browser that gets it asks for a name and password and then sends them
     * with every request to this server, from any site's page too.
     */
    private static void logInFirst(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof LoginThrottle.Throttled throttled) {
            request.setAttribute(ApiProblems.REFUSAL_REASON, throttled.getMessage());
            response.setHeader("Retry-After", Long.toString(Math.max(1, throttled.retryAfter().toSeconds())));
            problem(response, 429, "Too Many Requests", throttled.getMessage());
            return;
        }
        request.setAttribute(ApiProblems.REFUSAL_REASON, e instanceof BadCredentialsException ? "wrong name or password" : "not logged in");
        if (!fromBrowser(request)) {
            response.setHeader("WWW-Authenticate", CHALLENGE);
        }
        problem(response, 401, "Unauthorized", "log in with HTTP Basic as a user of quality.users");
    }

    /** A browser says what it fetches for ({@code Sec-Fetch-Mode}) or asks for a page; curl and scripts do neither. */
    static boolean fromBrowser(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return request.getHeader("Sec-Fetch-Mode") != null || accept != null && accept.contains("text/html");
    }

    @Bean
    @Order(2)
    SecurityFilterChain consoleSecurity(HttpSecurity http, AuthenticationManager authentication, AuditLog audit) throws Exception {
        LoginUrlAuthenticationEntryPoint loginPage = new LoginUrlAuthenticationEntryPoint("/login");
        AccessDeniedHandlerImpl forbidden = new AccessDeniedHandlerImpl();
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/console.css", "/console.js", "/error").permitAll()
                        .requestMatchers(HttpMethod.GET, "/**").hasAnyRole("ADMIN", "VIEWER")
                        .anyRequest().hasRole("ADMIN"))
                .authenticationManager(authentication)
                .formLogin(form -> form.loginPage("/login").successHandler(loggedIn(audit)).failureHandler(SecurityConfiguration::loginFailed)
                        .permitAll())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> {
                            request.setAttribute(ApiProblems.REFUSAL_REASON, "not logged in");
                            loginPage.commence(request, response, e);
                        })
                        .accessDeniedHandler(forbidden(forbidden)))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                // The console's own pages use inline style attributes (progress bars), nothing else inline.
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self';"
                        + " style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self';"
                        + " form-action 'self'; frame-ancestors 'none'")))
                .addFilterBefore(new SameOriginRequests(), CsrfFilter.class)
                .addFilterAfter(new RefusedRequests(audit), SecurityContextHolderFilter.class);
        return http.build();
    }

    private static AuthenticationSuccessHandler loggedIn(AuditLog audit) {
        SavedRequestAwareAuthenticationSuccessHandler toPage = new SavedRequestAwareAuthenticationSuccessHandler();
        toPage.setDefaultTargetUrl("/");
        return (request, response, authentication) -> {
            try {
                audit.recordAs(authentication.getName(), "log in", "console", "from " + request.getRemoteAddr());
            }
            catch (RuntimeException e) {
                log.warn("could not record the login of {} in the audit log: {}", AuditLog.escape(authentication.getName()), e.getMessage());
            }
            toPage.onAuthenticationSuccess(request, response, authentication);
        };
    }

    /** Back to the login form, which says why (the audit log records it as a refused request). */
    private static void loginFailed(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        boolean throttled = e instanceof LoginThrottle.Throttled;
        request.setAttribute(ApiProblems.REFUSAL_REASON, throttled ? e.getMessage() : "wrong name or password");
        response.sendRedirect(request.getContextPath() + (throttled ? "/login?throttled" : "/login?error"));
    }

    private static AccessDeniedHandler forbidden(AccessDeniedHandler page) {
        return (request, response, e) -> {
            request.setAttribute(ApiProblems.REFUSAL_REASON, e instanceof CsrfException
                    ? "the form's CSRF token is missing or out of date (reload the page)"
                    : "this needs the ADMIN role; VIEWER may only read");
            page.handle(request, response, e);
        };
    }

    static void problem(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setCharacterEncoding("UTF-8");
        response.setContentType("application/problem+json");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":" + json(title) + ",\"status\":" + status
                + ",\"detail\":" + json(detail) + "}");
    }

    /** A JSON string: the detail may carry a header's value. */
    static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    }
                    else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
