#pragma once

// RAII owners for the FFmpeg C handles ClipQueue uses. Every AVFormatContext, codec context, frame,
// packet, dictionary and scaler is held by one of these from the moment it exists.

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/dict.h>
#include <libavutil/frame.h>
#include <libswscale/swscale.h>
}

#include <QString>

#include <memory>

namespace cq::ffmpeg {

struct FormatContextCloser {
    void operator()(AVFormatContext *context) const { avformat_close_input(&context); }
};
using FormatContextPtr = std::unique_ptr<AVFormatContext, FormatContextCloser>;

struct CodecContextFreer {
    void operator()(AVCodecContext *context) const { avcodec_free_context(&context); }
};
using CodecContextPtr = std::unique_ptr<AVCodecContext, CodecContextFreer>;

struct FrameFreer {
    void operator()(AVFrame *frame) const { av_frame_free(&frame); }
};
using FramePtr = std::unique_ptr<AVFrame, FrameFreer>;

struct PacketFreer {
    void operator()(AVPacket *packet) const { av_packet_free(&packet); }
};
using PacketPtr = std::unique_ptr<AVPacket, PacketFreer>;

struct SwsContextFreer {
    void operator()(SwsContext *context) const { sws_freeContext(context); }
};
using SwsContextPtr = std::unique_ptr<SwsContext, SwsContextFreer>;

// An AVDictionary that is freed when it goes out of scope. Pass `address()` to functions that
// consume and replace the dictionary (avformat_open_input, avcodec_open2).
class Dictionary {
public:
    Dictionary() = default;
    ~Dictionary() { av_dict_free(&m_dict); }
    Dictionary(const Dictionary &) = delete;
    Dictionary &operator=(const Dictionary &) = delete;

    void set(const char *key, const char *value) { av_dict_set(&m_dict, key, value, 0); }
    AVDictionary **address() { return &m_dict; }

private:
    AVDictionary *m_dict = nullptr;
};

// FFmpeg's text for an AVERROR value.
QString errorString(int averror);

// Sets FFmpeg up for ClipQueue before any file is opened: its log lines go to the clipqueue.ffmpeg
// logging category (debug, off by default) instead of stderr, and no single allocation may exceed
// MaxAllocationBytes. Safe to call from any thread, any number of times.
void initialise();

// FFmpeg believes the sizes a file states: a 287-byte PNG naming a 700 MB chunk made it reserve
// 1.4 GB (found by fuzz_probe). Far above the largest frame ClipQueue handles (an 8K picture at 16
// bits per RGBA channel is 265 MB), far below what a hostile file may claim.
constexpr size_t MaxAllocationBytes = size_t(512) << 20;

} // namespace cq::ffmpeg
