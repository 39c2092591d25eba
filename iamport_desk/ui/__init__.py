"""The Qt widgets. Only this package (and app.py, worker.py) imports Qt."""
