import CheckInApp
import Foundation

// A reader that closes the pipe early (`checkin today | head`) must not kill the station.
signal(SIGPIPE, SIG_IGN)
exit(await CheckInApp.run(arguments: Array(CommandLine.arguments.dropFirst())))
