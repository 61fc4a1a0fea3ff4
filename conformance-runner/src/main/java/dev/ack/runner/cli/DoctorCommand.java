package dev.ack.runner.cli;

import dev.ack.runner.doctor.Diagnosis;
import dev.ack.runner.doctor.Doctor;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code kit doctor}: is the adapter a working harness? Checked before any rule. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Checks that an adapter speaks the protocol: handshake, request ids, error replies to",
                "malformed requests, only protocol on stdout, a clean exit on `shutdown` and at end of input.",
                "Every run does this first; run it alone while you write your adapter.",
                "", "Exit status: 0 when every check passed, 3 otherwise, 130 or 143 when stopped by SIGINT or SIGTERM."})
final class DoctorCommand implements Callable<Integer> {

    @Mixin
    AdapterOptions adapterOptions;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Signals.install();
        Diagnosis diagnosis = new Doctor(adapterOptions.toSettings(spec)).examine();
        diagnosis.print(System.out);
        if (Signals.status().isPresent()) return Signals.status().getAsInt();
        return diagnosis.healthy() ? 0 : Kit.HARNESS_PROBLEM;
    }
}
