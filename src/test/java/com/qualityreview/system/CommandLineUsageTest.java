package com.qualityreview.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The checks of a command line made before anything starts, on commands and settings written here. */
class CommandLineUsageTest {

    private static final CommandSpec REVIEW = new CommandSpec("review", List.of("<period>"), "review a period",
            List.of(CommandSpec.Option.valued("revision", "N", "which revision")), (arguments, options) -> {
                if (!arguments.get(0).matches("\\d{4}-\\d{2}")) {
                    throw new UsageException("'" + arguments.get(0) + "' is not a period");
                }
            });
    private static final CommandSpec DEMO = new CommandSpec("demo", List.of(), "the demo",
            List.of(CommandSpec.Option.valued("demo.month", "2026-10", "month"), CommandSpec.Option.flag("serve", "then serve")));
    private static final CommandSpec SERVE = new CommandSpec("serve", List.of(), "serve", List.of());
    private static final List<CommandSpec> COMMANDS = List.of(REVIEW, DEMO, SERVE);

    private static final KnownSettings SETTINGS = new KnownSettings(Map.of("quality.zone", false, "quality.reports-dir", false,
            "quality.users", true, "quality.jobs.lease-time", false));

    private static CommandLineUsage.Verdict check(String... args) {
        return CommandLineUsage.check(COMMANDS, () -> SETTINGS, args);
    }

    private static String refusal(String... args) {
        return ((CommandLineUsage.Refused) check(args)).reason();
    }

    @Test
    void settingsAreKnownAsSpringBootBindsThem() {
        assertThat(check("review", "2026-10", "--quality.zone=UTC", "--quality.reportsDir=r", "--quality.reports_dir=r",
                "--quality.users[0].name=ann", "--quality.users[1].password={bcrypt}x", "--quality.jobs.lease-time=PT5S"))
                .isEqualTo(new CommandLineUsage.Start());
    }

    @Test
    void springBootsOwnPropertiesAndSwitchesPass() {
        assertThat(check("review", "2026-10", "--spring.datasource.url=jdbc:x", "--server.port=0", "--logging.level.root=DEBUG",
                "--management.endpoints.web.exposure.include=*", "--debug", "--trace")).isEqualTo(new CommandLineUsage.Start());
    }

    @Test
    void noCommandIsServeWithServesOptions() {
        assertThat(check()).isEqualTo(new CommandLineUsage.Start());
        assertThat(refusal("--revision=2")).isEqualTo("unknown option --revision for serve");
    }

    @Test
    void aMisspeltNameGetsTheNearestOnlyWhenNearEnough() {
        assertThat(refusal("review", "2026-10", "--revison=1")).isEqualTo("unknown option --revison for review; did you mean --revision?");
        assertThat(refusal("review", "2026-10", "--colour=red")).isEqualTo("unknown option --colour for review");
        assertThat(refusal("review", "2026-10", "--quality.user[0].name=ann", "--quality.zone=UTC"))
                .isEqualTo("unknown setting --quality.user[0].name; did you mean --quality.users?");
        assertThat(refusal("review", "2026-10", "--quality.zone.id=UTC")).isEqualTo("unknown setting --quality.zone.id;"
                + " did you mean --quality.zone?");
        assertThat(refusal("demo", "--demo.mnth=2026-10")).isEqualTo("unknown option --demo.mnth for demo; did you mean --demo.month?");
        assertThat(refusal("demoo")).isEqualTo("unknown command 'demoo'; did you mean demo?");
        assertThat(refusal("report")).isEqualTo("unknown command 'report'; the commands are review, demo, serve, help");
    }

    @Test
    void optionsTakeAValueOrNotAsDeclared() {
        assertThat(refusal("review", "2026-10", "--revision")).isEqualTo("--revision needs a value: --revision=N");
        assertThat(refusal("review", "2026-10", "--revision=")).isEqualTo("--revision needs a value: --revision=N");
        assertThat(refusal("demo", "--serve=no")).isEqualTo("--serve takes no value: give --serve alone, or leave it out");
        assertThat(check("demo", "--serve", "--demo.month=2026-10")).isEqualTo(new CommandLineUsage.Start());
    }

    @Test
    void argumentsAreCountedThenChecked() {
        assertThat(refusal("review")).isEqualTo("review needs <period>: review <period> [--revision=N]");
        assertThat(refusal("review", "2026-10", "2026-11")).isEqualTo("review takes one argument, was given '2026-11' too:"
                + " review <period> [--revision=N]");
        assertThat(refusal("demo", "now")).isEqualTo("demo takes no arguments, was given 'now' too: demo [--demo.month=2026-10] [--serve]");
        assertThat(refusal("review", "October")).isEqualTo("'October' is not a period");
    }

    @Test
    void helpAnswersWithoutLookingAtTheRest() {
        assertThat(check("help", "review", "--colour=red")).isEqualTo(new CommandLineUsage.Help(REVIEW.help()));
        assertThat(check("review", "-h")).isEqualTo(new CommandLineUsage.Help(REVIEW.help()));
        assertThat(check("--help")).isEqualTo(new CommandLineUsage.Help(CommandLineUsage.usage(COMMANDS)));
        assertThat(refusal("help", "review", "demo")).isEqualTo("help takes at most one command, was given 'review demo'");
    }

    @Test
    void theSettingsOfThisBuildAreReadFromItsMetadata() {
        KnownSettings settings = KnownSettings.fromClassPath();

        assertThat(settings.names()).contains("quality.zone", "quality.reports-dir", "quality.users", "quality.jobs.lease-time")
                .allSatisfy(name -> assertThat(name).startsWith("quality."));
        assertThat(settings.knows("quality.users[0].role")).isTrue();
        assertThat(settings.knows("quality.zone.name")).as("a plain setting has nothing below it").isFalse();
    }
}
