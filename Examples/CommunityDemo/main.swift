import Foundation

// Minimal dispatcher for this branch; the real demo replaces it at merge.
let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "recur":
    exit(RecurCommand.run(Array(arguments.dropFirst())))
default:
    FileHandle.standardError.write(Data("usage: community-demo recur …\n".utf8))
    exit(64)
}
