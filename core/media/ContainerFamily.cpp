#include "media/ContainerFamily.h"

#include <QByteArray>
#include <QByteArrayList>

namespace cq {

ContainerFamily containerFamily(const AVInputFormat *format) {
    const QByteArray name(format->name);
    if (name.startsWith("mov,mp4")) {
        return ContainerFamily::IsoBmff;
    }
    if (name == "matroska,webm") {
        return ContainerFamily::Matroska;
    }
    if (name.endsWith("_pipe") || name == "gif" || name == "image2" || name == "apng") {
        return ContainerFamily::Image;
    }
    static const QByteArrayList otherVideo{"avi",  "flv", "mpegts", "mpeg", "asf", "ogg", "h264",
                                           "hevc", "m4v", "rm",     "nut",  "mxf", "ivf"};
    if (otherVideo.contains(name)) {
        return ContainerFamily::OtherVideo;
    }
    return ContainerFamily::Unknown;
}

} // namespace cq
