import Foundation
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

  /// Names that merely start like a loopback address are looked up in DNS and may be anywhere;
  /// only real loopback addresses may have plain http.
  @Test(arguments: [
    "http://127.example.com", "http://127.0.0.1.nip.io:5055", "http://127.gym.example.com/api",
    "http://127.0.0.256", "http://127.1", "http://127.0.0.01", "http://127.0.0.1.",
    "http://localhost.example.com", "http://[::2]",
  ])
  func refusesPlainHTTPToNamesThatOnlyLookLikeLoopback(_ text: String) {
    #expect(throws: ServerAddress.Problem.self) { try ServerAddress(text) }
    #expect(!ServerAddress.isLoopback(URL(string: text)?.host ?? ""), "\(text)")
  }

  @Test(arguments: ["http://127.1.2.3:8080", "http://127.255.255.254", "http://LOCALHOST:5055"])
  func acceptsEveryLoopbackAddress(_ text: String) throws {
    #expect(try ServerAddress(text).url.scheme == "http")
  }

  @Test(arguments: ["", "gym.example.com", "ftp://gym.example.com", "https://"])
  func refusesWhatIsNotAnAddress(_ text: String) {
    #expect(throws: ServerAddress.Problem.self) { try ServerAddress(text) }
  }
}
