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
    .target(name: "CheckInApp", dependencies: ["CheckInCore", "CheckInSQLite"]),
    .executableTarget(name: "checkin", dependencies: ["CheckInApp"]),
    .testTarget(name: "CheckInCoreTests", dependencies: ["CheckInCore"]),
    .testTarget(name: "CheckInSQLiteTests", dependencies: ["CheckInSQLite", "CSQLite"]),
    .testTarget(name: "CheckInAppTests", dependencies: ["CheckInApp", "CheckInSQLite"]),
    // Runs the built `checkin` binary as separate processes, as stations and scripts do.
    .testTarget(
      name: "EndToEndTests", dependencies: ["checkin", "CheckInSQLite", "CheckInCore"]),
  ],
  swiftLanguageModes: [.v6]
)
