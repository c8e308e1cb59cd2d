"""Print and offline packs: a resource or toolkit as one typeset PDF, made in the
background, kept until the next publish, and never a way to reach other addresses."""

import io

import pytest
from django.core.files.storage import default_storage
from pypdf import PdfReader

from cms.core.print_packs import storage
from cms.core.print_packs.render import RefusedAddress, _local_file
from home.models import NewsPage, ToolkitPage
from resources.models import ResourcePage


def real(model, code):
    return model.objects.live().filter(locale__language_code=code, alias_of__isnull=True)


def pdf_text(data):
    """The words of a PDF's pages (WeasyPrint's output, read with pypdf)."""
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_a_resource_pack_is_a_pdf_of_the_page_in_its_language(client, demo):
    resource = real(ResourcePage, "cs").get(external_id="demo-001")
    response = client.get(f"/print/{resource.pk}.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="{resource.slug}.pdf"'
    data = b"".join(response.streaming_content)
    assert data.startswith(b"%PDF-")
    text = pdf_text(data)
    assert resource.title in text
    assert "Centrum bezpečnějšího internetu" in text
    assert resource.full_url in text.replace("\n", "")  # the QR code's caption


def test_a_toolkit_pack_lists_its_resources(client, demo):
    toolkit = real(ToolkitPage, "en").first()
    response = client.get(f"/print/{toolkit.pk}.pdf")
    text = pdf_text(b"".join(response.streaming_content))
    assert toolkit.title in text
    assert "Linka bezpečí 116 111" in text or not any(block.block_type == "help" for block in toolkit.steps)
    first = next(block for block in toolkit.steps if block.block_type == "resources")
    assert first.value["resources"][0].get_translation(toolkit.locale).title in text  # in the toolkit's language


def test_a_pack_is_made_once_and_made_again_after_a_publish(client, demo):
    resource = real(ResourcePage, "en").get(external_id="demo-002-en")
    client.get(f"/print/{resource.pk}.pdf")
    name = storage.stored(resource)
    assert name and name.endswith(f"/{resource.live_revision_id}-en.pdf")
    client.get(f"/print/{resource.pk}.pdf")
    assert storage.stored(resource) == name  # served from storage, not made again
    resource.summary = "A new summary, printed from now on."
    resource.save_revision().publish()
    resource.refresh_from_db()
    assert not default_storage.exists(name)  # the publish removed the stale pack
    response = client.get(f"/print/{resource.pk}.pdf")
    assert "A new summary, printed from now on." in pdf_text(b"".join(response.streaming_content))


def test_a_pack_waits_for_the_worker_when_tasks_run_in_the_background(client, demo, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    resource = real(ResourcePage, "cs").get(external_id="demo-003")
    response = client.get(f"/print/{resource.pk}.pdf")
    assert response.status_code == 202
    assert response["Retry-After"] == "5"
    assert "no-store" in response["Cache-Control"]
    assert "PDF se připravuje" in response.content.decode()
    assert client.get(f"/print/{resource.pk}.pdf").status_code == 202
    from django_tasks import default_task_backend

    assert len(default_task_backend.results) == 1  # one task however many ask while it is made


@pytest.mark.parametrize("kind", ["news", "unpublished", "missing", "placeholder"])
def test_pages_without_a_pack_answer_404(client, demo, kind):
    if kind == "news":
        page_id = real(NewsPage, "cs").first().pk
    elif kind == "unpublished":
        page = real(ResourcePage, "cs").get(external_id="demo-004")
        page.unpublish()
        page_id = page.pk
    elif kind == "missing":
        page_id = 999999
    else:
        page_id = ResourcePage.objects.filter(alias_of__isnull=False).first().pk
    assert client.get(f"/print/{page_id}.pdf").status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "http://169.254.169.254/latest/meta-data/",
        "https://tracker.invalid/pixel.png",
        "file:///etc/passwd",
        "http://localhost/media/../cms/settings/base.py",
        "http://localhost/media/%2e%2e/manage.py",
        "http://localhost/static/../../manage.py",
    ],
)
def test_the_pdf_renderer_reads_only_the_site_s_own_files(url, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    with pytest.raises(RefusedAddress):
        _local_file(url)


def test_the_pdf_renderer_reads_a_media_file_and_a_static_file(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "a.jpg").write_bytes(b"x")
    assert _local_file("http://localhost/media/images/a.jpg") == (tmp_path / "images" / "a.jpg").resolve()
    assert _local_file("/static/img/logo.svg").name == "logo.svg"


def test_the_pdf_renderer_reads_the_collected_static_file_with_its_hash(settings, tmp_path):
    """In production templates name static files by their hashed, collected copies."""
    settings.STATIC_ROOT = tmp_path
    (tmp_path / "img").mkdir()
    (tmp_path / "img" / "logo.73f4e8728e75.svg").write_text("<svg/>")
    found = _local_file("http://localhost/static/img/logo.73f4e8728e75.svg")
    assert found == (tmp_path / "img" / "logo.73f4e8728e75.svg").resolve()
    with pytest.raises(RefusedAddress):
        _local_file("http://localhost/static/img/../../etc/passwd")
