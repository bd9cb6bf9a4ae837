import pytest

from aiguillage.shared.urls import normalise_url

SAME_VIDEO = [
    "https://www.tiktok.com/@fr.patriote.88/video/7351298844102315297",
    "http://tiktok.com/@fr.patriote.88/video/7351298844102315297/",
    "HTTPS://M.TIKTOK.COM/@fr.patriote.88/video/7351298844102315297?utm_source=x&utm_medium=y",
    "https://www.tiktok.com:443/@fr.patriote.88/video/7351298844102315297#comments",
    "https://www.tiktok.com/@fr.patriote.88/video/7351298844102315297?is_from_webapp=1&_r=1",
]


def test_spellings_of_one_content_are_one_url() -> None:
    assert {normalise_url(u) for u in SAME_VIDEO} == {
        "tiktok.com/@fr.patriote.88/video/7351298844102315297"
    }


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("https://youtube.com/watch?v=abc&si=zz", "https://m.youtube.com/watch?v=abc"),
        ("https://x.com/u/status/1?b=2&a=1", "https://x.com/u/status/1?a=1&b=2"),
        ("https://facebook.com/groups/1?fbclid=XYZ", "https://www.facebook.com/groups/1/"),
    ],
)
def test_equivalent(a: str, b: str) -> None:
    assert normalise_url(a) == normalise_url(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("https://youtube.com/watch?v=abc", "https://youtube.com/watch?v=abd"),
        ("https://x.com/User/status/1", "https://x.com/user/status/1"),  # the path's case counts
        ("https://example.org:8443/a", "https://example.org/a"),
        ("https://t.me/chan_a", "https://t.me/chan_b"),
    ],
)
def test_different(a: str, b: str) -> None:
    assert normalise_url(a) != normalise_url(b)


def test_case_priority_goes_up_one_level_at_ten_reports_never_to_p0() -> None:
    from aiguillage.shared.cases import case_priority
    from aiguillage.shared.vocabulary import Priority

    assert case_priority(Priority.P3, 9) is Priority.P3
    assert case_priority(Priority.P3, 10) is Priority.P2
    assert case_priority(Priority.P2, 50) is Priority.P1
    assert case_priority(Priority.P1, 50) is Priority.P1
    assert case_priority(Priority.P0, 1) is Priority.P0
