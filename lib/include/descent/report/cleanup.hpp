#pragma once
/// \file
/// What an interrupted run must undo. Output files are written as hidden temporaries and
/// renamed into place (files.hpp); a Ctrl-C (SIGINT) or a kill (SIGTERM) halfway must not
/// leave those temporaries, a half-rendered figure, a renderer still running, or an output
/// directory the run created and never filled. The registry below is what the signal
/// handler reads: fixed-size and lock-free, because a handler may not allocate or lock.

#include <sys/types.h>

#include <filesystem>

namespace descent::report {

/// Remembers `path` as a temporary file to delete if the process is interrupted. Returns a
/// ticket for forget_temporary, or -1 when the registry is full (the file is then only
/// removed by the next run in that directory, see remove_stale_temporaries).
int remember_temporary(const std::filesystem::path& path);
/// The temporary file of `ticket` was renamed into place or removed: it is no longer a
/// temporary to delete on interruption. A ticket of -1 is ignored.
void forget_temporary(int ticket);

/// Remembers a directory this run created, to remove (if still empty) on interruption.
int remember_directory(const std::filesystem::path& path);
/// The directory of `ticket` is to stay (its run succeeded). A ticket of -1 is ignored.
void forget_directory(int ticket);

/// The renderer (gnuplot, dot) running now, to end on interruption; 0 for none.
void remember_child(pid_t pid);

/// Installs handlers for SIGINT and SIGTERM that delete the remembered temporaries and empty
/// directories, end the remembered child, and exit with 128 + the signal number (130, 143).
void install_interrupt_cleanup();

/// Deletes the temporaries (`.NAME.tmp-PID`) that earlier runs in `dir` left behind when they
/// were killed (SIGKILL cannot be caught): those whose process no longer exists.
void remove_stale_temporaries(const std::filesystem::path& dir);

}  // namespace descent::report
