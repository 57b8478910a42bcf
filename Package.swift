// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "CheckInStation",
  products: [
    .executable(name: "checkin", targets: ["checkin"])
  ],
  targets: [
    .systemLibrary(
      name: "CSQLite",
      providers: [.apt(["libsqlite3-dev"])]
    ),
    .target(name: "CheckInCore"),
    .target(name: "CheckInSQLite", dependencies: ["CheckInCore", "CSQLite"]),
    // The only code that touches ncurses and signal handlers, in C: see include/cncursesw.h.
    .target(
      name: "CNCursesW",
      cSettings: [.define("_GNU_SOURCE"), .define("NCURSES_WIDECHAR", to: "1")],
      linkerSettings: [.linkedLibrary("ncursesw")]
    ),
    .target(name: "CheckInRemote", dependencies: ["CheckInCore", "CheckInSQLite"]),
    .target(name: "CheckInUI", dependencies: ["CheckInCore"]),
    .target(name: "CheckInTerminal", dependencies: ["CNCursesW", "CheckInUI"]),
    .target(
      name: "CheckInApp",
      dependencies: [
        "CheckInCore", "CheckInSQLite", "CheckInRemote", "CheckInUI", "CheckInTerminal",
      ],
      // The shipped themes (Themes/, through a link) compiled into the program: an installed
      // binary needs nothing beside it.
      resources: [
        .embedInCode("Themes/default.json"), .embedInCode("Themes/high-contrast.json"),
        .embedInCode("Themes/light.json"), .embedInCode("Themes/mono.json"),
      ]),
    .executableTarget(name: "checkin", dependencies: ["CheckInApp"]),
    .testTarget(name: "CheckInCoreTests", dependencies: ["CheckInCore"]),
    .testTarget(name: "CheckInSQLiteTests", dependencies: ["CheckInSQLite", "CSQLite"]),
    // Snapshots/ holds the screens as text pictures, read by the tests from the source tree. The
    // week-long soak runs the loop on a real database.
    .testTarget(
      name: "CheckInUITests", dependencies: ["CheckInUI", "CheckInSQLite", "CSQLite"],
      exclude: ["Snapshots"]),
    // Runs against the stand-in server in Tests/Fixtures (Python + Flask).
    .testTarget(name: "CheckInRemoteTests", dependencies: ["CheckInRemote", "CheckInSQLite"]),
    .testTarget(name: "CheckInTerminalTests", dependencies: ["CheckInTerminal", "CNCursesW"]),
    .testTarget(name: "CheckInAppTests", dependencies: ["CheckInApp", "CheckInSQLite"]),
    // Runs the built `checkin` binary as separate processes, as stations and scripts do.
    .testTarget(
      name: "EndToEndTests",
      dependencies: ["checkin", "CheckInSQLite", "CheckInCore", "CheckInRemote"]),
  ],
  swiftLanguageModes: [.v6]
)
