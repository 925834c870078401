#!/usr/bin/env python3
"""A real-browser test of `registrar serve`: headless Chromium driven by Selenium.

Signs in, imports the fixture roster through the upload, the preview and the confirmation, checks
the dashboard's numbers against `registrar count`, and saves a screenshot. Run by
scripts/browser-test.sh (and so by .ci/run), with the built binary's path as its argument.
"""
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import Select, WebDriverWait

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PASSWORD = "browser-test-password"


def fail(message):
    print("browser test: FAILED: " + message, file=sys.stderr)
    sys.exit(1)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(binary, *arguments, stdin=None):
    result = subprocess.run([binary, *arguments], input=stdin, capture_output=True, text=True)
    if result.returncode != 0:
        fail(f"registrar {' '.join(arguments)}: {result.stderr.strip()}")
    return result.stdout


def number(text):
    return int(text.replace(",", ""))


def main():
    binary = sys.argv[1]
    screenshot = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, ".build", "browser-test", "dashboard.png")
    os.makedirs(os.path.dirname(screenshot), exist_ok=True)
    work = tempfile.mkdtemp(prefix="registrar-browser-")
    db = os.path.join(work, "registry.sqlite")
    run(binary, "init", "--society", "中国示例学会", "--db", db)
    run(binary, "users", "add", "clerk", "--role", "staff", "--db", db, stdin=PASSWORD + "\n")
    port = free_port()
    server = subprocess.Popen([binary, "serve", "--db", db, "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        else:
            fail("the server did not start listening")

        options = webdriver.ChromeOptions()
        for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--window-size=1280,1900", "--lang=en-US"]:
            options.add_argument(argument)
        driver_path = "/usr/bin/chromedriver"
        service = Service(executable_path=driver_path) if os.path.exists(driver_path) else Service()
        browser = webdriver.Chrome(service=service, options=options)
        wait = WebDriverWait(browser, 60)
        try:
            # Signed out, the dashboard sends the browser to sign in.
            browser.get(base + "/")
            wait.until(expected_conditions.url_contains("/login"))
            browser.find_element(By.ID, "username").send_keys("clerk")
            browser.find_element(By.ID, "password").send_keys(PASSWORD)
            browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
            wait.until(expected_conditions.presence_of_element_located((By.TAG_NAME, "svg")))
            if "Dashboard" not in browser.find_element(By.TAG_NAME, "h1").text:
                fail("signing in did not lead to the dashboard")

            # Upload → preview (a dry run) → confirm: the unit members first (the roster refers to
            # them), then the roster, whose two bad rows the preview lists.
            def import_file(kind, name):
                browser.get(base + "/import")
                Select(browser.find_element(By.ID, "kind")).select_by_value(kind)
                browser.find_element(By.ID, "file").send_keys(os.path.join(ROOT, "fixtures", name))
                browser.execute_script("document.getElementById('as_of').value = '2019-12-31'")
                browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
                wait.until(expected_conditions.text_to_be_present_in_element((By.TAG_NAME, "main"), "Nothing has been imported yet"))
                preview = browser.find_element(By.TAG_NAME, "main").text
                browser.find_element(By.XPATH, "//button[contains(., 'Confirm and import')]").click()
                wait.until(expected_conditions.text_to_be_present_in_element((By.TAG_NAME, "main"), "The file is imported."))
                return preview

            import_file("units", "units.csv")
            browser.get(base + "/import")
            Select(browser.find_element(By.ID, "kind")).select_by_value("members")
            browser.find_element(By.ID, "file").send_keys(os.path.join(ROOT, "fixtures", "members-2019-12-31.csv"))
            browser.execute_script("document.getElementById('as_of').value = '2019-12-31'")
            browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
            wait.until(expected_conditions.text_to_be_present_in_element((By.TAG_NAME, "main"), "Nothing has been imported yet"))
            preview = browser.find_element(By.TAG_NAME, "main").text
            if "Rejected rows" not in preview or "is not a date" not in preview:
                fail("the preview does not show the fixture's rejected rows with their reasons")
            counted = json.loads(run(binary, "count", "--as-of", "2019-12-31", "--format", "json", "--db", db))
            if counted["individual"] != 0:
                fail(f"the preview changed the registry: {counted}")
            browser.save_screenshot(os.path.splitext(screenshot)[0] + "-preview.png")
            browser.find_element(By.XPATH, "//button[contains(., 'Confirm and import')]").click()
            wait.until(expected_conditions.text_to_be_present_in_element((By.TAG_NAME, "main"), "The file is imported."))

            # The dashboard's figures are the command's.
            browser.get(base + "/")
            wait.until(expected_conditions.presence_of_element_located((By.TAG_NAME, "svg")))
            counted = json.loads(run(binary, "count", "--format", "json", "--db", db))
            cells = {}
            for row in browser.find_elements(By.CSS_SELECTOR, "main table tbody tr"):
                header = row.find_elements(By.TAG_NAME, "th")
                values = row.find_elements(By.TAG_NAME, "td")
                if header and values:
                    cells.setdefault(header[0].text.strip(), values[0].text.strip())
            shown = number(cells.get("Individual members in good standing", "-1"))
            units = number(cells.get("Unit members", "-1"))
            if shown != counted["individual"] or units != counted["unit"]:
                fail(f"the dashboard shows {shown} individual and {units} unit members; registrar count says {counted}")
            if "Last import: members members-2019-12-31.csv" not in browser.find_element(By.TAG_NAME, "main").text:
                fail("the dashboard does not name the last import")
            browser.save_screenshot(screenshot)

            # The language switch, remembered on the next page.
            browser.find_element(By.CSS_SELECTOR, "a.lang").click()
            wait.until(expected_conditions.text_to_be_present_in_element((By.TAG_NAME, "h1"), "概览"))
            browser.get(base + "/growth")
            if not re.search("个人会员增长", browser.find_element(By.TAG_NAME, "h1").text):
                fail("the chosen language was not remembered")
            browser.save_screenshot(os.path.splitext(screenshot)[0] + "-growth-zh.png")
        finally:
            browser.quit()
        print(f"browser test: passed ({shown} members in good standing, as registrar count says); screenshot {screenshot}")
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        subprocess.run(["rm", "-rf", work])


if __name__ == "__main__":
    main()
