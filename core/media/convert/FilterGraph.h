#pragma once

#include "util/Error.h"

extern "C" {
#include <libavfilter/avfilter.h>
#include <libavutil/frame.h>
}

#include <QByteArray>

#include <expected>
#include <memory>

namespace cq::ffmpeg {

struct FilterGraphFreer {
    void operator()(AVFilterGraph *graph) const { avfilter_graph_free(&graph); }
};
using FilterGraphPtr = std::unique_ptr<AVFilterGraph, FilterGraphFreer>;

// One libavfilter chain from a buffer source through `description` (ffmpeg's -vf/-af syntax) to a
// buffer sink: frames go in with push(), come out with pull(). Owns everything it allocates.
class FilterGraph {
public:
    // `sourceArguments` are the buffer's (or abuffer's) options, e.g. "video_size=640x360:...".
    static std::expected<FilterGraph, Error> video(const QByteArray &sourceArguments,
                                                   const QByteArray &description);
    static std::expected<FilterGraph, Error> audio(const QByteArray &sourceArguments,
                                                   const QByteArray &description, int frameSamples);

    // Takes a reference to `frame`; nullptr says the input has ended.
    int push(AVFrame *frame);
    // AVERROR(EAGAIN) when the graph needs more input, AVERROR_EOF when it is drained.
    int pull(AVFrame *frame);
    AVFilterContext *sink() const { return m_sink; }

private:
    static std::expected<FilterGraph, Error> build(bool video, const QByteArray &sourceArguments,
                                                   const QByteArray &description);

    FilterGraphPtr m_graph;
    AVFilterContext *m_source = nullptr; // owned by m_graph
    AVFilterContext *m_sink = nullptr;
};

} // namespace cq::ffmpeg
