"""Every page template of the demo site in Chromium: no axe-core violations, and it fits a
phone (375 px) and a desktop screen without sideways scrolling."""

from __future__ import annotations

import pytest

PAGES = {
    "home": "/",
    "article": "/articles/2019-09-16-juzhang-chuangkou-zuoban.html",
    "tender": "/tenders/2019-09-16-hucheng-dajingfu-wuye-zhaobiao.html",
    "outage": "/outages/2019-09-16-jihua-tingdian.html",
    "kind-list": "/outages/",
    "district": "/districts/jiangbei/",
    "town": "/districts/jiangbei/cicheng/",
    "districts": "/districts/",
    "archives": "/archives/",
    "calendar": "/calendar/",
    "calendar-district": "/calendar/jiangbei/",
    "subscribe": "/subscribe/",
    "search": "/search/?q=%E6%85%88%E5%9F%8E%E9%95%87",
    "not-found": "/no-such-page.html",
}


@pytest.fixture(scope="module")
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("name", sorted(PAGES))
def test_no_axe_violations(name, page, demo_server):
    from axe_playwright_python.sync_playwright import Axe

    page.goto(demo_server + PAGES[name])
    page.wait_for_load_state("networkidle")
    results = Axe().run(page)
    violations = [f"{v['id']}: {v['help']} ({len(v['nodes'])}× e.g. {v['nodes'][0]['target']})"
                  for v in results.response["violations"]]
    assert violations == []


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("name", ["home", "outage", "district", "tender", "calendar", "search"])
def test_screenshot_fits_the_screen(name, width, browser, demo_server, tmp_path):
    context = browser.new_context(viewport={"width": width, "height": 800}, locale="zh-CN")
    page = context.new_page()
    try:
        page.goto(demo_server + PAGES[name])
        page.wait_for_load_state("networkidle")
        shot = tmp_path / f"{name}-{width}.png"
        page.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 10_000, "the page rendered (not a blank image)"
        overflow = page.evaluate("document.documentElement.scrollWidth")
        assert overflow <= width, f"{name} scrolls sideways at {width}px ({overflow}px wide)"
        heading = page.locator("h1").first
        assert heading.is_visible()
        assert heading.bounding_box()["x"] >= 0
    finally:
        context.close()


def test_skip_link_moves_focus_to_main(page, demo_server):
    page.goto(demo_server + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "跳到正文"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
