#pragma once

#include <QFile>
#include <QString>

#include <expected>
#include <functional>

namespace cq {

// Opens `file` (its name set) for reading only when it is a regular file. A FIFO blocks open()
// until someone writes to it, and a device or socket never ends: media must be files. The check
// and the open are one step (open without blocking, then look at what was opened), so the name
// cannot be swapped for a FIFO in between. Fails with a reason for a person, without the name.
std::expected<void, QString> openRegularFile(QFile &file);

// Whether `path` names a regular file (or a link to one): for paths handed to FFmpeg, which opens
// them itself.
bool isRegularFile(const QString &path);

namespace testing {
// Runs at the end of every openRegularFile() that succeeded, with the file's name: a test swaps
// the name for a FIFO there, to prove that nothing opens the name again after the check. Set it
// only while no other thread opens files; an empty function removes it.
void setAfterOpenHook(std::function<void(const QString &path)> hook);
} // namespace testing

} // namespace cq
