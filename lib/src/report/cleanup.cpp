#include "descent/report/cleanup.hpp"

#include <signal.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>
#include <system_error>

namespace descent::report {

namespace fs = std::filesystem;

namespace {

// One slot per path; state 0 = free, 1 = being written, 2 = holds a path to clean up.
constexpr std::size_t kSlots = 256;
constexpr std::size_t kPathBytes = 4096;
struct Slot {
  std::atomic<int> state{0};
  char path[kPathBytes];
};
std::array<Slot, kSlots> g_files;
std::array<Slot, 16> g_directories;
std::atomic<pid_t> g_child{0};

template <std::size_t N>
int remember(std::array<Slot, N>& slots, const fs::path& path) {
  const std::string text = fs::absolute(path).string();
  if (text.size() >= kPathBytes) return -1;
  for (std::size_t i = 0; i < N; ++i) {
    int expected = 0;
    if (!slots[i].state.compare_exchange_strong(expected, 1)) continue;
    std::memcpy(slots[i].path, text.c_str(), text.size() + 1);
    slots[i].state.store(2);
    return static_cast<int>(i);
  }
  return -1;
}

template <std::size_t N>
void forget(std::array<Slot, N>& slots, int ticket) {
  if (ticket >= 0 && static_cast<std::size_t>(ticket) < N) slots[ticket].state.store(0);
}

extern "C" void on_interrupt(int signal_number) {
  const pid_t child = g_child.load();
  if (child > 0) ::kill(child, SIGKILL);
  for (auto& slot : g_files)
    if (slot.state.load() == 2) ::unlink(slot.path);
  for (auto it = g_directories.rbegin(); it != g_directories.rend(); ++it)  // deepest first
    if (it->state.load() == 2) ::rmdir(it->path);
  ::_exit(128 + signal_number);
}

}  // namespace

int remember_temporary(const fs::path& path) {
  return remember(g_files, path);
}
void forget_temporary(int ticket) {
  forget(g_files, ticket);
}
int remember_directory(const fs::path& path) {
  return remember(g_directories, path);
}
void forget_directory(int ticket) {
  forget(g_directories, ticket);
}
void remember_child(pid_t pid) {
  g_child.store(pid);
}

void install_interrupt_cleanup() {
  struct sigaction action {};
  action.sa_handler = on_interrupt;
  sigemptyset(&action.sa_mask);
  sigaddset(&action.sa_mask, SIGINT);
  sigaddset(&action.sa_mask, SIGTERM);
  ::sigaction(SIGINT, &action, nullptr);
  ::sigaction(SIGTERM, &action, nullptr);
}

void remove_stale_temporaries(const fs::path& dir) {
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    const auto mark = name.rfind(".tmp-");
    if (name.empty() || name[0] != '.' || mark == std::string::npos) continue;
    const std::string digits = name.substr(mark + 5);
    if (digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos) continue;
    const long pid = std::strtol(digits.c_str(), nullptr, 10);
    if (pid == ::getpid()) continue;
    if (pid > 0 && ::kill(static_cast<pid_t>(pid), 0) == -1 && errno == ESRCH) {
      std::error_code ignored;
      fs::remove(it->path(), ignored);
    }
  }
}

}  // namespace descent::report
