// The command's outputs: files written whole or not at all, never over the command's own input,
// and the check that stdout took everything that was written to it.

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <streambuf>
#include <string>
#include <system_error>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "commands.hpp"

namespace zkcli {

namespace fs = std::filesystem;
using zorginkoop::InvalidInput;

namespace {

std::string quoted(const std::string& path) { return "'" + path + "'"; }

[[noreturn]] void cannot_write(const std::string& option, const std::string& path, int error) {
    throw InvalidInput(option + ": cannot write " + quoted(path) + ": " + std::strerror(error));
}

/// Writes all of `content` to `fd`; false (errno set) when a write fails.
bool write_all(int fd, const std::string& content) {
    const char* p = content.data();
    std::size_t left = content.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, p, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    return true;
}

}  // namespace

void write_output_file(const std::string& option, const std::string& path, const std::string& content,
                       const std::vector<std::string>& inputs) {
    std::error_code ec;
    for (const auto& input : inputs) {
        if (input.empty()) continue;
        if (fs::equivalent(path, input, ec) && !ec)
            throw InvalidInput(option + ": " + quoted(path) + " is the input " + quoted(input) +
                               "; the command does not write over its own input");
    }
    // A symbolic link is followed: the file it names is replaced, the link stays.
    fs::path target = path;
    if (fs::is_symlink(target, ec)) {
        const fs::path resolved = fs::weakly_canonical(target, ec);
        if (!ec) target = resolved;
    }
    struct stat st {};
    const bool exists = ::stat(target.c_str(), &st) == 0;
    if (exists && !S_ISREG(st.st_mode)) {
        // A device or a pipe (/dev/stdout, a FIFO): written in place, there is nothing to rename.
        const int fd = ::open(target.c_str(), O_WRONLY | O_CLOEXEC);
        if (fd < 0) cannot_write(option, path, errno);
        const bool ok = write_all(fd, content);
        const int error = errno;
        if (::close(fd) != 0 && ok) cannot_write(option, path, errno);
        if (!ok) cannot_write(option, path, error);
        return;
    }
    // A temporary file beside the target, renamed over it when complete: a failed write leaves
    // the target as it was.
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    static unsigned counter = 0;
    fs::path temp;
    int fd = -1;
    for (int attempt = 0; attempt < 100 && fd < 0; ++attempt) {
        temp = dir / ("." + target.filename().string() + ".zorginkoop-" + std::to_string(::getpid()) + "-" +
                      std::to_string(counter++) + ".tmp");
        fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd < 0 && errno != EEXIST) cannot_write(option, path, errno);
    }
    if (fd < 0) cannot_write(option, path, EEXIST);
    bool ok = !exists || ::fchmod(fd, st.st_mode & 07777) == 0;
    ok = ok && write_all(fd, content) && ::fsync(fd) == 0;
    int error = errno;
    if (::close(fd) != 0 && ok) ok = false, error = errno;
    if (ok && ::rename(temp.c_str(), target.c_str()) != 0) ok = false, error = errno;
    if (!ok) {
        ::unlink(temp.c_str());
        cannot_write(option, path, error);
    }
}

namespace {

/// std::cout's buffer in the command: writes to file descriptor 1 and keeps the reason of the first
/// write that failed (the C stream's errno is gone by the time the program ends).
class CheckedStdout : public std::streambuf {
public:
    CheckedStdout() { setp(buffer_, buffer_ + sizeof buffer_); }
    int error() const noexcept { return error_; }
    bool failed() const noexcept { return failed_; }

protected:
    int_type overflow(int_type ch) override {
        if (!drain()) return traits_type::eof();
        if (!traits_type::eq_int_type(ch, traits_type::eof())) {
            *pptr() = traits_type::to_char_type(ch);
            pbump(1);
        }
        return traits_type::not_eof(ch);
    }
    int sync() override { return drain() ? 0 : -1; }

private:
    bool drain() {
        const std::string pending(pbase(), static_cast<std::size_t>(pptr() - pbase()));
        setp(buffer_, buffer_ + sizeof buffer_);
        if (failed_) return false;
        if (!write_all(1, pending)) {
            failed_ = true;
            error_ = errno;
            return false;
        }
        return true;
    }

    char buffer_[1 << 16];
    bool failed_ = false;
    int error_ = 0;
};

CheckedStdout& checked_stdout() {
    // Never destroyed: std::cout is flushed once more after main returns.
    static CheckedStdout* buf = new CheckedStdout;
    return *buf;
}

}  // namespace

void check_stdout_writes() { std::cout.rdbuf(&checked_stdout()); }

int finish_stdout(int status) {
    std::cout.flush();
    const CheckedStdout& buf = checked_stdout();
    if (buf.failed() || !std::cout) {
        const int error = buf.error();
        std::cerr << "zorginkoop: cannot write the output to stdout"
                  << (error ? std::string(": ") + std::strerror(error) : std::string()) << "\n";
        return 2;
    }
    return status;
}

}  // namespace zkcli
