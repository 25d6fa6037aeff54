"""Images sent as documents (PNG, JPEG, TIFF including multi-page faxes): pages with no text of their
own, which the reader recognises by OCR. Decoded by Pillow; nothing is read at extract time."""
from PIL import Image, ImageSequence, UnidentifiedImageError

from indexer.errors import ExtractionError
from indexer.extract.base import Extracted, Extractor

MAX_PIXELS = 120_000_000   # about 40 A4 pages at 300 dpi in one frame: beyond that it is a bomb, not a scan


class ImageExtractor(Extractor):
    """Scans and photographs of documents."""
    FORMAT = "image"
    EXTENSIONS = ("png", "jpg", "jpeg", "tif", "tiff")
    SCORE = 10
    MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")

    def extract(self, path):
        try:
            with Image.open(path) as image:
                if image.width * image.height > MAX_PIXELS:
                    raise ExtractionError(f"image too large: {image.width}×{image.height} pixels; "
                                          "ask the sender for a scan at 300 dpi")
                frames = getattr(image, "n_frames", 1)
        except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as ex:
            raise ExtractionError(f"broken image: {str(ex)[:120]}; ask the sender for a new copy") from ex
        return Extracted(format=self.FORMAT, pages=[""] * frames, paged=True, render=lambda i, dpi: frame(path, i))


def frame(path, index):
    """Page ``index`` of the image file as a greyscale PIL image (the scan's own resolution)."""
    with Image.open(path) as image:
        page = next(p for i, p in enumerate(ImageSequence.Iterator(image)) if i == index)
        return page.convert("L")
