package com.qualityreview.security;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.qualityreview.system.QualityProperties;

import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may do what. The API ({@code /api/**}, and the OpenAPI document) takes HTTP Basic and no
 * session, so it needs no CSRF token; the console takes a login form, keeps a session and checks
 * a CSRF token on every form. In both, VIEWER may read (GET) and ADMIN may also change.
 */
@Configuration
@EnableWebSecurity
@ConditionalOnWebApplication
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
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

    private static String randomPassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
        AuthenticationEntryPoint logInFirst = (request, response, e) ->
                problem(response, 401, "Unauthorized", "log in with HTTP Basic as a user of quality.users");
        http.securityMatcher("/api/**", "/v3/api-docs/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/**").hasAnyRole("ADMIN", "VIEWER")
                        .anyRequest().hasRole("ADMIN"))
                .httpBasic(basic -> basic.authenticationEntryPoint(logInFirst))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(logInFirst)
                        .accessDeniedHandler((request, response, e) ->
                                problem(response, 403, "Forbidden", "this needs the ADMIN role; VIEWER may only read")))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain consoleSecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/console.css", "/console.js", "/error").permitAll()
                        .requestMatchers(HttpMethod.GET, "/**").hasAnyRole("ADMIN", "VIEWER")
                        .anyRequest().hasRole("ADMIN"))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"));
        return http.build();
    }

    private static void problem(HttpServletResponse response, int status, String title, String detail) throws IOException {
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Quality Review\"");
        }
        response.setStatus(status);
        response.setCharacterEncoding("UTF-8");
        response.setContentType("application/problem+json");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}");
    }
}
