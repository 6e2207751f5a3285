#pragma once

extern "C" {
#include <libavformat/avformat.h>
}

namespace cq {

// The containers ClipQueue tells apart, by libavformat's demuxer. Every family but Unknown is read
// (so that a Matroska or AVI clip is told "container not supported" and can be conformed, rather
// than "unreadable"); Unknown demuxers are never let read a file.
enum class ContainerFamily { IsoBmff, Matroska, Image, OtherVideo, Unknown };

ContainerFamily containerFamily(const AVInputFormat *format);

} // namespace cq
