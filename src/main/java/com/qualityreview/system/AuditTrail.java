package com.qualityreview.system;

/**
 * Where administrators' actions are recorded with their outcome (the security module's audit log).
 * Here so that the command line records what a command could not do, whatever the command.
 */
public interface AuditTrail {

    /** Records an action of the person logged in or, on the command line, of the operating-system user. */
    void record(String action, String target, String outcome);
}
