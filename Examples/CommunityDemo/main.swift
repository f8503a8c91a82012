import Foundation

// `community-demo [command] [options]`: the main job by default, or a tool command.
let arguments = Array(CommandLine.arguments.dropFirst())
let status: Int32
switch arguments.first {
case "--help", "-h", "help":
    print(DemoCommand.usage)
    status = 0
case "insights":
    status = await InsightsCommand.run(Array(arguments.dropFirst()))
case "ics":
    status = await ICalendarCommand.run(Array(arguments.dropFirst()))
case "recur":
    status = RecurCommand.run(Array(arguments.dropFirst()))
default:
    status = await DemoCommand.run(arguments)
}
exit(status)
