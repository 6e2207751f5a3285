#include "media/convert/FilterGraph.h"

#include "media/FfmpegHandles.h"

extern "C" {
#include <libavfilter/buffersink.h>
#include <libavfilter/buffersrc.h>
}

namespace cq::ffmpeg {

namespace {

struct FilterInOutFreer {
    void operator()(AVFilterInOut *inOut) const { avfilter_inout_free(&inOut); }
};
using FilterInOutPtr = std::unique_ptr<AVFilterInOut, FilterInOutFreer>;

Error filterError(const QByteArray &description, int averror) {
    return Error{ErrorCode::MediaUnreadable, u"The conversion filters \"" + QString::fromUtf8(description)
                                                 + u"\" could not be set up (" + errorString(averror)
                                                 + u")."};
}

} // namespace

std::expected<FilterGraph, Error> FilterGraph::build(bool video, const QByteArray &sourceArguments,
                                                     const QByteArray &description) {
    FilterGraph graph;
    graph.m_graph.reset(avfilter_graph_alloc());
    if (!graph.m_graph) {
        return std::unexpected(filterError(description, AVERROR(ENOMEM)));
    }
    const AVFilter *source = avfilter_get_by_name(video ? "buffer" : "abuffer");
    const AVFilter *sink = avfilter_get_by_name(video ? "buffersink" : "abuffersink");
    int rc = avfilter_graph_create_filter(&graph.m_source, source, "in", sourceArguments.constData(), nullptr,
                                          graph.m_graph.get());
    if (rc >= 0) {
        rc = avfilter_graph_create_filter(&graph.m_sink, sink, "out", nullptr, nullptr, graph.m_graph.get());
    }
    if (rc < 0) {
        return std::unexpected(filterError(sourceArguments, rc));
    }
    // The parser's open ends: "in" feeds the description's first filter, its last feeds "out".
    FilterInOutPtr outputs(avfilter_inout_alloc());
    FilterInOutPtr inputs(avfilter_inout_alloc());
    if (!outputs || !inputs) {
        return std::unexpected(filterError(description, AVERROR(ENOMEM)));
    }
    outputs->name = av_strdup("in");
    outputs->filter_ctx = graph.m_source;
    inputs->name = av_strdup("out");
    inputs->filter_ctx = graph.m_sink;
    AVFilterInOut *rawInputs = inputs.release();
    AVFilterInOut *rawOutputs = outputs.release();
    rc = avfilter_graph_parse_ptr(graph.m_graph.get(), description.constData(), &rawInputs, &rawOutputs,
                                  nullptr);
    inputs.reset(rawInputs);
    outputs.reset(rawOutputs);
    if (rc >= 0) {
        rc = avfilter_graph_config(graph.m_graph.get(), nullptr);
    }
    if (rc < 0) {
        return std::unexpected(filterError(description, rc));
    }
    return graph;
}

std::expected<FilterGraph, Error> FilterGraph::video(const QByteArray &sourceArguments,
                                                     const QByteArray &description) {
    return build(true, sourceArguments, description);
}

std::expected<FilterGraph, Error> FilterGraph::audio(const QByteArray &sourceArguments,
                                                     const QByteArray &description, int frameSamples) {
    auto graph = build(false, sourceArguments, description);
    if (graph && frameSamples > 0) {
        // AAC takes exactly frame_size samples per frame.
        av_buffersink_set_frame_size(graph->m_sink, unsigned(frameSamples));
    }
    return graph;
}

int FilterGraph::push(AVFrame *frame) {
    return av_buffersrc_add_frame_flags(m_source, frame, AV_BUFFERSRC_FLAG_KEEP_REF);
}

int FilterGraph::pull(AVFrame *frame) {
    return av_buffersink_get_frame(m_sink, frame);
}

} // namespace cq::ffmpeg
