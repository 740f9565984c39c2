package com.qualityreview;

import com.qualityreview.system.Command;
import com.qualityreview.system.CommandException;
import com.qualityreview.system.CommandLineUsage;
import com.qualityreview.system.KnownSettings;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class QualityReviewApplication {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command line to its end and returns its exit status (what {@code main} exits with). */
    public static int run(String... args) {
        // Help and a wrong command line are answered before anything starts: no database, no jobs.
        CommandLineUsage.Verdict verdict = CommandLineUsage.check(CommandCatalogue.COMMANDS, KnownSettings::fromClassPath, args);
        if (verdict instanceof CommandLineUsage.Help help) {
            System.out.print(help.text());
            return 0;
        }
        if (verdict instanceof CommandLineUsage.Refused refused) {
            System.err.println(refused.text());
            return CommandLineUsage.USAGE_ERROR;
        }
        try {
            SpringApplication application = new SpringApplication(QualityReviewApplication.class);
            // Only serving starts a web server; import, review and the other commands run and exit.
            application.setWebApplicationType(Command.servesHttp(args) ? WebApplicationType.SERVLET : WebApplicationType.NONE);
            return SpringApplication.exit(application.run(args));
        }
        catch (RuntimeException e) {
            // Start-up failures (a bad setting, no database) end with their reason on one line; Spring
            // Boot has written the cause chain to the log file.
            System.err.println("error: " + CommandException.oneLine(e, database(args)));
            return 1;
        }
    }

    /** The database a command line names, if it does (to name it when it does not answer). */
    private static String database(String... args) {
        for (String arg : args) {
            if (arg.startsWith("--spring.datasource.url=")) {
                return arg.substring("--spring.datasource.url=".length());
            }
        }
        return System.getenv("SPRING_DATASOURCE_URL");
    }
}
