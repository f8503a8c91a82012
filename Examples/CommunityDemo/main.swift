// Minimal dispatcher for the `insights` branch; the lead replaces this file at merge.
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "insights" {
    exit(InsightsCommand.run(Array(arguments.dropFirst())))
}
FileHandle.standardError.write(Data("usage: community-demo insights --import FILE.jsonl [--from ISO --to ISO] [--json]\n".utf8))
exit(64)
