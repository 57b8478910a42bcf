import CheckInApp
import Foundation

// A reader that closes the pipe early (`checkin today | head`) must not kill the station with a
// signal: the output path sees EPIPE and ends the command quietly itself.
signal(SIGPIPE, SIG_IGN)
// Every file the station creates — databases and their -wal/-shm, the remote cache and outbox,
// the log, the login — holds members' personal data or a token: readable by its owner only.
umask(0o077)
// Before any file is opened: a stream the process started without must not be taken by one.
StandardStreams.reserveClosedDescriptors()
exit(await CheckInApp.run(arguments: Array(CommandLine.arguments.dropFirst())))
