import Testing

@testable import CheckInRemote

/// Tokens and passwords go to a server over https only; plain http is for this machine.
@Suite struct ServerAddressTests {
  @Test(arguments: [
    "https://gym.example.com", "https://gym.example.com/", "http://127.0.0.1:5055",
    "http://localhost:8080", "http://[::1]:9000",
  ])
  func acceptsHTTPSAndLoopback(_ text: String) throws {
    let address = try ServerAddress(text)
    #expect(!address.url.absoluteString.hasSuffix("/"))
  }

  @Test func refusesPlainHTTPToAnotherMachine() {
    #expect(throws: ServerAddress.Problem.insecure("http://gym.example.com")) {
      try ServerAddress("http://gym.example.com")
    }
  }

  @Test(arguments: ["", "gym.example.com", "ftp://gym.example.com", "https://"])
  func refusesWhatIsNotAnAddress(_ text: String) {
    #expect(throws: ServerAddress.Problem.self) { try ServerAddress(text) }
  }
}
