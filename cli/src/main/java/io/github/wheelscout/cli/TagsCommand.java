package io.github.wheelscout.cli;

import io.github.wheelscout.tags.Tag;
import io.github.wheelscout.tags.Target;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code wheelscout tags TARGET}: the tags a machine supports, most preferred first, one per line. */
@Command(
        name = "tags",
        mixinStandardHelpOptions = true,
        description = {
            "Prints the wheel tags TARGET supports, most preferred first, one per line.",
            "The list is exactly what packaging 26.3's sys_tags() yields on that machine (pip debug --verbose"
                    + " prints it too).",
            "A wheel's priority on the machine is the line number of its best tag, counting from 0.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "2:bad usage or input (an unknown image, a bad --python or --platform)"})
final class TagsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TargetOptions target;

    @Override
    public Integer call() {
        Target machine = target.single();
        PrintWriter out = spec.commandLine().getOut();
        StringBuilder text = new StringBuilder(machine.supportedTags().size() * 40);
        for (Tag tag : machine.supportedTags()) {
            text.append(tag).append('\n');
        }
        out.write(text.toString());
        out.flush();
        return ExitCodes.OK;
    }
}
