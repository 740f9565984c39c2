package com.qualityreview;

import com.qualityreview.system.Command;
import com.qualityreview.system.CommandException;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class QualityReviewApplication {

    public static void main(String[] args) {
        int status;
        try {
            SpringApplication application = new SpringApplication(QualityReviewApplication.class);
            // Only serving starts a web server; import, review and the other commands run and exit.
            application.setWebApplicationType(Command.servesHttp(args) ? WebApplicationType.SERVLET : WebApplicationType.NONE);
            status = SpringApplication.exit(application.run(args));
        }
        catch (RuntimeException e) {
            // Start-up failures (a bad setting, no database) end with their reason on one line.
            System.err.println("error: " + CommandException.oneLine(e));
            status = 1;
        }
        System.exit(status);
    }
}
