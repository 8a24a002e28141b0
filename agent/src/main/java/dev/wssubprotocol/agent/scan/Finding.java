package dev.wssubprotocol.agent.scan;

/** One class named like a patch target, and what the agent would do with it: one line of the scan's output. */
final class Finding {
    enum Outcome {
        /** The shape check passes: the agent patches this class. */
        FIXED("needs agent"),
        /** The agent would skip this class: the detail says what differs. */
        NOT_FIXED("unsupported"),
        /** A class the check needs is in none of the scanned paths, so the check could not finish. */
        UNCHECKED("unchecked"),
        /** The class is there, but this version accepts a response without the header: the agent leaves it alone. */
        NOT_NEEDED("not needed");

        final String label;

        Outcome(String label) {
            this.label = label;
        }
    }

    final Outcome outcome;
    final String patch;
    final String version;
    final String className;
    final String location;
    final String detail;

    Finding(Outcome outcome, String patch, String version, String className, String location, String detail) {
        this.outcome = outcome;
        this.patch = patch;
        this.version = version;
        this.className = className;
        this.location = location;
        this.detail = detail;
    }

    String line() {
        String result;
        switch (outcome) {
            case FIXED:
                result = "fixed by the agent (" + detail + ")";
                break;
            case UNCHECKED:
                result = "not checked: " + detail;
                break;
            case NOT_NEEDED:
                result = "does not need the agent: " + detail;
                break;
            default:
                result = "NOT fixed: " + detail;
        }
        return String.format("%-11s", outcome.label) + "  " + patch + " "
                + (version == null ? "(version unknown)" : version) + "  " + className + "  in " + location
                + "  -> " + result;
    }
}
