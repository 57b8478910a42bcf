import Foundation

/// Reads the spreadsheet `import` is given — a file, or `-` for standard input — or says in one
/// line what stands in the way: no such file, a folder, no permission, something that isn't a
/// regular file.
enum SheetFile {
  static func read(_ path: String, console: Console) -> Result<Data, UnreadableSheet> {
    if path == "-" {
      var data = Data()
      while let bytes = console.readBytes() { data.append(contentsOf: bytes) }
      return .success(data)
    }
    var status = stat()
    guard stat(path, &status) == 0 else {
      switch errno {
      case ENOENT, ENOTDIR:
        return .failure(UnreadableSheet("There's no file \(path) — check the name"))
      case EACCES:
        return .failure(
          UnreadableSheet(
            "Can't reach \(path): a folder on the way may not be opened — check its permissions"))
      default:
        return .failure(UnreadableSheet("Can't read \(path): \(String(cString: strerror(errno)))"))
      }
    }
    switch status.st_mode & S_IFMT {
    case S_IFDIR:
      return .failure(UnreadableSheet("\(path) is a folder — give the spreadsheet file inside it"))
    case S_IFREG, S_IFIFO, S_IFCHR:
      break
    default:
      return .failure(UnreadableSheet("\(path) isn't a file to read a spreadsheet from"))
    }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      return .failure(
        UnreadableSheet(
          errno == EACCES
            ? "\(path) can't be read with your permissions — check them (ls -l \(path))"
            : "Can't read \(path): \(String(cString: strerror(errno)))"))
    }
    defer { try? handle.close() }
    do {
      return .success(try handle.readToEnd() ?? Data())
    } catch {
      return .failure(UnreadableSheet("Can't read \(path): \(error.localizedDescription)"))
    }
  }
}

struct UnreadableSheet: Error {
  let message: String

  init(_ message: String) {
    self.message = message
  }
}
