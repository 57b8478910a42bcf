import Testing

/// The end-to-end suites run the built `checkin` binary as separate processes. They run one at a
/// time (the trait applies to every nested suite), so a storm of processes from one test doesn't
/// skew when another test's kills land.
@Suite(.serialized)
enum EndToEnd {}
