package com.qualityreview.security;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import com.qualityreview.QualityReviewApplication;
import com.qualityreview.system.QualityProperties;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.time.Duration;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;

/** Users come from configuration; without an ADMIN only the demo may serve, with a one-time login. */
class ConfiguredUsersTest {

    final SecurityConfiguration configuration = new SecurityConfiguration();
    final PasswordEncoder encoder = configuration.passwordEncoder();

    static QualityProperties withUsers(QualityProperties.User... users) {
        return new QualityProperties("UTC", Path.of("r"), Path.of("o"), Path.of("i"), Path.of("s"), Path.of("k"), Path.of("u"),
                new QualityProperties.Uploads(Duration.ofDays(30)),
                new QualityProperties.Jobs(Duration.ofSeconds(5), Duration.ofSeconds(30)), List.of(users), true);
    }

    @Test
    void aConfiguredUserLogsInWithTheEncodedPasswordAndHasTheirRole() {
        QualityProperties properties = withUsers(new QualityProperties.User("ana", encoder.encode("s3cret"), "ADMIN"),
                new QualityProperties.User("exec", encoder.encode("other"), "VIEWER"));

        UserDetailsService users = configuration.users(properties, encoder, new DefaultApplicationArguments("serve"));

        UserDetails ana = users.loadUserByUsername("ana");
        assertThat(encoder.matches("s3cret", ana.getPassword())).isTrue();
        assertThat(encoder.matches("wrong", ana.getPassword())).isFalse();
        assertThat(ana.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_ADMIN");
        assertThat(users.loadUserByUsername("exec").getAuthorities()).extracting(Object::toString).containsExactly("ROLE_VIEWER");
    }

    @Test
    void withoutAnAdminPasswordServingIsRefusedWithAMessageNamingTheSetting() {
        QualityProperties onlyViewer = withUsers(new QualityProperties.User("exec", encoder.encode("other"), "VIEWER"),
                new QualityProperties.User("boss", "", "ADMIN"));

        assertThatThrownBy(() -> configuration.users(onlyViewer, encoder, new DefaultApplicationArguments("serve")))
                .hasMessageStartingWith("quality.users: no ADMIN user with a password is set");
    }

    @Test
    void theDemoWithoutUsersServesWithAOneTimeAdminLoginPrintedOnce() {
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        UserDetailsService users;
        try {
            users = configuration.users(withUsers(), encoder, new DefaultApplicationArguments("demo", "--serve"));
        }
        finally {
            System.setOut(out);
        }
        List<String> logins = printed.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("console login")).toList();
        assertThat(logins).hasSize(1).first().asString().startsWith("demo console login: admin / ");
        String line = logins.get(0);
        String password = line.substring(line.lastIndexOf(' ') + 1);
        assertThat(password).hasSizeGreaterThanOrEqualTo(16);
        assertThat(encoder.matches(password, users.loadUserByUsername("admin").getPassword())).isTrue();
    }

    @Test
    void aPlainTextPasswordInConfigurationStopsTheStart() {
        assertThatThrownBy(() -> withUsers(new QualityProperties.User("ana", "s3cret", "ADMIN")))
                .hasMessageContaining("quality.users[0].password must be an encoded password");
        assertThatThrownBy(() -> withUsers(new QualityProperties.User("ana", encoder.encode("x"), "OWNER")))
                .hasMessageContaining("quality.users[0].role: 'OWNER' is not ADMIN or VIEWER");
    }

    @Test
    void aNoopPasswordIsPlainTextAndStopsTheStart() {
        assertThatThrownBy(() -> withUsers(new QualityProperties.User("ana", "{noop}s3cret", "ADMIN")))
                .hasMessage("quality.users[0].password: {noop} is a plain-text password, which is not accepted; set an encoded password"
                        + " such as {bcrypt}$2a$10$... (encode-password prints one)");
    }

    @Test
    void fastDigestsAndDamagedHashesStopTheStartToo() {
        assertThatThrownBy(() -> withUsers(new QualityProperties.User("ana", encoder.encode("x"), "ADMIN"),
                new QualityProperties.User("exec", "{sha256}97d170e1550eee4afc0af065b78cda302a97674c", "VIEWER")))
                .hasMessageStartingWith("quality.users[1].password: {sha256} is not accepted (only {bcrypt}, {pbkdf2},"
                        + " {pbkdf2@SpringSecurity_v5_8})");
        assertThatThrownBy(() -> withUsers(new QualityProperties.User("ana", "{MD5}5ebe2294ecd0e0f08eab7690d2a6ee69", "ADMIN")))
                .hasMessageStartingWith("quality.users[0].password: {MD5} is not accepted");
        assertThatThrownBy(() -> withUsers(new QualityProperties.User("ana", "{bcrypt}$2a$10$cut-short", "ADMIN")))
                .hasMessageStartingWith("quality.users[0].password: the {bcrypt} hash is cut short or damaged");
    }

    @Test
    void theLoginNeverChecksAPlainTextPasswordEvenIfOneGotThrough() {
        assertThatThrownBy(() -> encoder.matches("s3cret", "{noop}s3cret")).hasMessageContaining("noop");
        String pbkdf2 = "{pbkdf2@SpringSecurity_v5_8}" + Pbkdf2PasswordEncoder
                .defaultsForSpringSecurity_v5_8().encode("s3cret");
        assertThat(withUsers(new QualityProperties.User("ana", pbkdf2, "ADMIN")).users()).hasSize(1);
        assertThat(encoder.matches("s3cret", pbkdf2)).isTrue();
    }

    @Test
    void theServeCommandDoesNotStartWithoutAnAdmin() {
        PrintStream err = System.err;
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
        int status;
        try {
            // As java -jar runs it (main without its System.exit).
            status = QualityReviewApplication.run("serve", "--server.port=0", "--quality.users[0].name=exec",
                    "--quality.users[0].password={bcrypt}$2a$10$A2PZgeVypYBocc/JtXr9o.kyemSirz8rF.5e5AQ.HGlut0qXfdbYS",
                    "--quality.users[0].role=VIEWER", "--spring.datasource.url=jdbc:hsqldb:mem:no-admin",
                    "--logging.file.name=target/test-logs/cli.log");
        }
        finally {
            System.setErr(err);
        }

        assertThat(status).isEqualTo(1);
        assertThat(errBytes.toString(StandardCharsets.UTF_8)).startsWith("error: quality.users: no ADMIN user with a password is set");
    }
}
