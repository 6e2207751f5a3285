#pragma once

#include <QString>

namespace cq::ui {

// The words of the queue's columns, apart from the models so that they are tested on their own.
namespace QueueText {
// "1 video · 0:24", "5 photos", "1 video, 2 photos", "No media".
QString mediaSummary(int videoCount, int photoCount, double videoSeconds);
// "0:24", "12:05", "1:02:03" (whole seconds, rounded down, as players show them).
QString duration(double seconds);
// "2 errors, 1 warning", "1 error", "3 warnings"; empty when there are none.
QString findingsSummary(int errorCount, int warningCount);
// The caption's first non-empty line, shortened to `maxChars` without splitting an emoji (the view
// elides it further to its column).
QString captionLine(const QString &caption, int maxChars = 200);
} // namespace QueueText

} // namespace cq::ui
