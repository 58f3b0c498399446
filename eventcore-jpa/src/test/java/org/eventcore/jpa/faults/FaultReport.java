package org.eventcore.jpa.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The size of a fault run and its report. CI runs the reduced size; {@code -Deventcore.faults.full=true}
 * runs the full one (see the Reliability page). Every test adds one row (fault, rounds, operations,
 * what was checked, result) to {@code target/fault-report.md} and prints it.
 */
final class FaultReport {

    /** Whether this is the full run. */
    static final boolean FULL = Boolean.getBoolean("eventcore.faults.full");

    private FaultReport() {}

    /** {@code reduced} in CI, {@code full} in the full run. */
    static int scale(int reduced, int full) {
        return FULL ? full : reduced;
    }

    /** Prints and records one row of the report. */
    static synchronized void row(String fault, long rounds, String operations, String checked, String result) {
        String line = "| " + fault + " | " + rounds + " | " + operations + " | " + checked + " | " + result + " |";
        System.out.println("FAULT-REPORT " + (FULL ? "(full) " : "(reduced) ") + line);
        Path file = Path.of("target", "fault-report.md");
        try {
            Files.createDirectories(file.getParent());
            if (!Files.exists(file)) {
                Files.writeString(
                        file,
                        "| fault | rounds | operations | checked | result |\n|---|---:|---|---|---|\n",
                        StandardCharsets.UTF_8);
            }
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
