package com.qualityreview.security;

import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.qualityreview.system.Command;
import com.qualityreview.system.CommandException;
import com.qualityreview.system.CommandSpec;

import org.springframework.boot.ApplicationArguments;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.stereotype.Component;

/**
 * {@code encode-password}: reads a password (without echo at a terminal, else one line of standard
 * input) and prints it encoded for {@code quality.users[i].password}. Never takes it as an argument,
 * where it would stay in the shell history.
 */
@Component
public class EncodePasswordCommand implements Command {

    public static final CommandSpec SPEC = new CommandSpec("encode-password", List.of(),
            "read a password (no echo at a terminal, else one line of standard input) and print it encoded ({bcrypt}...) for"
                    + " quality.users[i].password", List.of());

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int run(List<String> arguments, ApplicationArguments options) throws Exception {
        Console console = System.console();
        String password;
        if (console != null) {
            char[] typed = console.readPassword("password: ");
            password = typed == null ? null : new String(typed);
        }
        else {
            password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        }
        if (password == null || password.isEmpty()) {
            throw new CommandException("no password given");
        }
        System.out.println(PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(password));
        return 0;
    }
}
