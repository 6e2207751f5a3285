#pragma once

#include <QString>

namespace cq {

// The FFmpeg release ClipQueue runs with (libavutil's own version string, e.g. "5.1.6-0+deb12u1"),
// for the About box and bug reports.
QString ffmpegVersion();

} // namespace cq
