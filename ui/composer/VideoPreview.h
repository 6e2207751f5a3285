#pragma once

#include <QImage>
#include <QWidget>

#include <optional>

class QAudioOutput;
class QLabel;
class QMediaPlayer;
class QPushButton;
class QSlider;
class QToolButton;
class QVideoFrame;

namespace cq::ui {

class PortraitFrame;

// The video of the post as TikTok will show it: a 9:16 frame, the video letterboxed inside it, with
// play/pause, a position slider to scrub, mute, and the cover picker: scrub to a frame and "Use this
// frame as cover" shows it beside the button and sets the post's videoCoverTimestampMs.
//
// Frames come through a QVideoSink and are drawn by a widget of our own rather than a QVideoWidget:
// QVideoWidget renders in a native child window, which widget grabs (screenshots) and offscreen runs
// cannot see, and the frame it shows is also the image the cover picker keeps.
class VideoPreview : public QWidget {
    Q_OBJECT

public:
    explicit VideoPreview(QWidget *parent = nullptr);
    ~VideoPreview() override;

    // The video to show (a local file); empty: none. Keeps the cover only for the same file.
    void setSource(const QString &path);
    QString source() const { return m_source; }
    // The chosen cover frame in milliseconds from the start; nullopt: TikTok's default (the first).
    std::optional<qint64> coverMs() const { return m_coverMs; }
    void setCoverMs(std::optional<qint64> coverMs);
    void setCoverPickerShown(bool shown);
    // The player, made with the first video (so that pages without one open no audio device).
    QMediaPlayer *player() const { return m_player; }
    // The playhead: where the position slider stands (playing or scrubbed), in milliseconds.
    qint64 positionMs() const;
    // Where the 9:16 picture is drawn, in this widget's coordinates.
    QRect pictureRect() const;
    // The frame last shown, and the cover frame's picture once one was chosen here.
    const QImage &currentFrame() const { return m_frame; }
    const QImage &coverImage() const { return m_coverImage; }

Q_SIGNALS:
    // The user chose another cover frame (or went back to the first).
    void coverChanged();

protected:
    void hideEvent(QHideEvent *event) override;

private:
    QWidget *buildControls();
    QWidget *buildCoverPicker();
    void makePlayer();
    void onFrame(const QVideoFrame &frame);
    void onPositionChanged(qint64 positionMs);
    void onDurationChanged(qint64 durationMs);
    void togglePlaying();
    void toggleMuted();
    void useCurrentFrame();
    void updateCoverLabel();
    static QString clock(qint64 ms);

    QMediaPlayer *m_player = nullptr;
    QAudioOutput *m_audio = nullptr;
    PortraitFrame *m_view;
    QToolButton *m_play = nullptr;
    QSlider *m_position = nullptr;
    QToolButton *m_mute = nullptr;
    QLabel *m_time = nullptr;
    QPushButton *m_useFrame = nullptr;
    QToolButton *m_resetCover = nullptr;
    QLabel *m_coverPicture = nullptr;
    QLabel *m_coverText = nullptr;
    QWidget *m_coverPicker = nullptr;
    QString m_source;
    QImage m_frame;
    QImage m_coverImage;
    std::optional<qint64> m_coverMs;
    bool m_scrubbing = false;
};

} // namespace cq::ui
