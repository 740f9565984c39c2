package com.qualityreview.delivery;

import java.util.List;
import java.util.Optional;

import com.qualityreview.review.Period;
import com.qualityreview.review.Reviews;
import com.qualityreview.system.Command;
import com.qualityreview.system.CommandException;

import org.springframework.boot.ApplicationArguments;
import org.springframework.stereotype.Component;

/**
 * {@code resend <period> [--revision=N] [--to=EMAIL] [--uncertain]}: sends a review's failed
 * deliveries again (with {@code --uncertain}, the uncertain ones too, once checked), or a copy of
 * all of one address.
 */
@Component
class ResendCommand implements Command {

    private final Deliveries deliveries;

    ResendCommand(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    @Override
    public String name() {
        return "resend";
    }

    @Override
    public String usage() {
        return "<period> [--revision=N] [--to=EMAIL] [--uncertain]    resend the failed deliveries of a review (--uncertain:"
                + " also the uncertain ones, once you have checked they did not arrive), or a copy of all of one address";
    }

    @Override
    public boolean audited() {
        return true;
    }

    @Override
    public int run(List<String> arguments, ApplicationArguments options) throws Exception {
        if (arguments.size() != 1) {
            throw new CommandException("resend needs one period: resend <period> [--revision=N] [--to=EMAIL]");
        }
        Period period;
        try {
            period = Period.parse(arguments.get(0));
        }
        catch (IllegalArgumentException e) {
            throw new CommandException(e.getMessage());
        }
        Optional<Integer> revision;
        try {
            revision = Optional.ofNullable(options.getOptionValues("revision")).map(v -> Reviews.parseRevision(v.get(0)));
        }
        catch (IllegalArgumentException e) {
            throw new CommandException("--" + e.getMessage());
        }
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
