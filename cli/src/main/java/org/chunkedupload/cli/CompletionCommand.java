package org.chunkedupload.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code completion bash|zsh}: prints a shell completion script for every command and option. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = "Print a completion script for bash or zsh.",
        footerHeading = "%nExamples:%n", footer = {
                "  source <(chunked-upload completion bash)                      # this bash session",
                "  chunked-upload completion bash > ~/.local/share/bash-completion/completions/chunked-upload",
                "  chunked-upload completion zsh > \"${fpath[1]}/_chunked-upload\"   # zsh, then restart it"})
final class CompletionCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SHELL", description = "bash or zsh")
    String shell;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        String script = AutoComplete.bash("chunked-upload", spec.root().commandLine());
        switch (shell) {
            case "bash" -> spec.commandLine().getOut().print(script);
            case "zsh" -> spec.commandLine().getOut().print("#compdef chunked-upload\n"
                    + "autoload -U +X bashcompinit && bashcompinit\n" + script);
            default -> throw new IllegalArgumentException("SHELL must be bash or zsh, not '" + shell + "'");
        }
        spec.commandLine().getOut().flush();
        return Main.OK;
    }
}
