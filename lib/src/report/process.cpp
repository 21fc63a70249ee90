#include "descent/report/process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <stdexcept>

#include "descent/report/cleanup.hpp"

namespace descent::report {

namespace fs = std::filesystem;

ProgramRun run_program(const fs::path& program, const std::vector<std::string>& args,
                       const fs::path& working_dir, std::chrono::milliseconds timeout) {
  // Everything the child needs is prepared before fork: after it, only async-signal-safe calls.
  std::vector<std::string> words{program.string()};
  words.insert(words.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& w : words) argv.push_back(w.data());
  argv.push_back(nullptr);
  const std::string dir = working_dir.string();

  int pipe_fds[2];
  if (::pipe2(pipe_fds, O_CLOEXEC) != 0) throw std::runtime_error("cannot create a pipe");
  const pid_t pid = ::fork();
  if (pid < 0) {
    ::close(pipe_fds[0]);
    ::close(pipe_fds[1]);
    throw std::runtime_error("cannot start " + program.string());
  }
  if (pid == 0) {
    const int null = ::open("/dev/null", O_RDWR);
    ::dup2(null, 0);
    ::dup2(null, 1);
    ::dup2(pipe_fds[1], 2);
    if (::chdir(dir.c_str()) != 0) ::_exit(126);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  remember_child(pid);
  ::close(pipe_fds[1]);
  ::fcntl(pipe_fds[0], F_SETFL, O_NONBLOCK);

  ProgramRun run;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  int status = 0;
  for (;;) {
    pollfd p{pipe_fds[0], POLLIN, 0};
    ::poll(&p, 1, 20);
    char buffer[1024];
    ssize_t n;
    while ((n = ::read(pipe_fds[0], buffer, sizeof buffer)) > 0)
      if (run.errors.size() < 4096) run.errors.append(buffer, static_cast<std::size_t>(n));
    const pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (done < 0 && errno != EINTR) break;
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      run.timed_out = true;
      break;
    }
  }
  remember_child(0);
  char rest[1024];
  ssize_t n;
  while ((n = ::read(pipe_fds[0], rest, sizeof rest)) > 0)
    if (run.errors.size() < 4096) run.errors.append(rest, static_cast<std::size_t>(n));
  ::close(pipe_fds[0]);
  if (WIFEXITED(status)) run.exit_status = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) run.exit_status = 128 + WTERMSIG(status);
  return run;
}

std::chrono::milliseconds render_timeout() {
  if (const char* text = std::getenv("DESCENT_RENDER_TIMEOUT")) {
    char* end = nullptr;
    const long seconds = std::strtol(text, &end, 10);
    if (end != text && *end == '\0' && seconds >= 1 && seconds <= 3600)
      return std::chrono::seconds(seconds);
  }
  return std::chrono::seconds(60);
}

}  // namespace descent::report
