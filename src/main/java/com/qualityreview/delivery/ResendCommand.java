package com.qualityreview.delivery;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.qualityreview.review.Period;
import com.qualityreview.review.ReviewCommand;
import com.qualityreview.system.Command;
import com.qualityreview.system.CommandException;
import com.qualityreview.system.CommandSpec;

import org.springframework.boot.ApplicationArguments;
import org.springframework.stereotype.Component;

/**
 * {@code resend <period> [--revision=N] [--to=EMAIL] [--uncertain]}: sends a review's failed
 * deliveries again (with {@code --uncertain}, the uncertain ones too, once checked), or a copy of
 * all of one address.
 */
@Component
public class ResendCommand implements Command {

    public static final CommandSpec SPEC = new CommandSpec("resend", List.of("<period>"),
            "send a review's failed deliveries again, or a copy of everything one address got",
            List.of(CommandSpec.Option.valued("revision", "N", "the review's revision (default: its latest)"),
                    CommandSpec.Option.valued("to", "EMAIL", "send a copy of every delivery of this address, sent ones included"),
                    CommandSpec.Option.flag("uncertain", "also the uncertain deliveries, once you have checked they did not arrive")),
            (arguments, options) -> {
                ReviewCommand.period(arguments.get(0));
                if (options.containsKey("revision")) {
                    ReviewCommand.revision(options.get("revision"));
                }
            });

    private final Deliveries deliveries;

    ResendCommand(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public boolean audited() {
        return true;
    }

    @Override
    public int run(List<String> arguments, ApplicationArguments options) throws Exception {
        SPEC.checkWords(arguments, Map.of());
        Period period = ReviewCommand.period(arguments.get(0));
        Optional<Integer> revision = Optional.ofNullable(options.getOptionValues("revision")).map(v -> ReviewCommand.revision(v.get(0)));
        Optional<String> to = Optional.ofNullable(options.getOptionValues("to")).map(v -> v.get(0));
        Deliveries.Resent resent;
        try {
            resent = deliveries.resend(period, revision, to, options.containsOption("uncertain"));
        }
        catch (IllegalArgumentException e) {
            throw new CommandException(e.getMessage());
        }
        System.out.println("resend " + period + " revision " + resent.revision() + ": " + resent.reopened() + " reopened, "
                + resent.sent() + " " + resent.transport() + (resent.failed() > 0 ? ", " + resent.failed() + " still FAILED" : "")
                + (resent.uncertain() > 0 ? ", " + resent.uncertain() + (resent.uncertain() == 1 ? " delivery" : " deliveries")
                        + " uncertain (check, then resend with --uncertain)" : ""));
        return resent.failed() > 0 || resent.uncertain() > 0 ? 3 : 0;
    }
}
