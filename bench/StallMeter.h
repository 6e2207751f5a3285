#pragma once

#include <QElapsedTimer>
#include <QEventLoop>
#include <QObject>
#include <QTimer>

#include <algorithm>
#include <vector>

namespace cq::bench {

// The gaps between the ticks of a 1 ms timer on the GUI thread: how long it was busy (or not
// scheduled at all, on a loaded machine) at a time (bench_queue, bench_window).
class StallMeter : public QObject {
public:
    static constexpr int SmoothFrameMs = 16;

    StallMeter() {
        m_ticks.setTimerType(Qt::PreciseTimer);
        m_ticks.setInterval(1);
        connect(&m_ticks, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            m_gapsMs.push_back(double(now - m_lastNs) / 1e6);
            m_lastNs = now;
        });
    }
    void start() {
        m_gapsMs.clear();
        m_clock.start();
        m_lastNs = 0;
        m_ticks.start();
    }
    void stop() { m_ticks.stop(); }
    double longestMs() const {
        return m_gapsMs.empty() ? 0 : *std::max_element(m_gapsMs.begin(), m_gapsMs.end());
    }
    double percentileMs(double fraction) const {
        std::vector<double> sorted = m_gapsMs;
        std::sort(sorted.begin(), sorted.end());
        return sorted.empty() ? 0 : sorted.at(std::min(sorted.size() - 1, size_t(fraction * sorted.size())));
    }
    long overFrame() const {
        return std::count_if(m_gapsMs.begin(), m_gapsMs.end(),
                             [](double gap) { return gap > SmoothFrameMs; });
    }

    // How long the GUI thread waits with nothing to do for `durationMs`: what this machine's
    // scheduler adds to every figure (others' processes share the cores).
    double idleBaselineMs(int durationMs) {
        QEventLoop idle;
        start();
        QTimer::singleShot(durationMs, &idle, &QEventLoop::quit);
        idle.exec();
        stop();
        return longestMs();
    }

private:
    QTimer m_ticks;
    QElapsedTimer m_clock;
    qint64 m_lastNs = 0;
    std::vector<double> m_gapsMs;
};

} // namespace cq::bench
