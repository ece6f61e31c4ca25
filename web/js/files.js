// Files in and out of the page: downloads of exports and reports (a Blob and <a download>), and a
// file picker whose file is copied into the module's file system before C++ reads it.
'use strict';
(function () {
  var picks = 0;
  Module['jianfuDownload'] = function (path, name) {
    var data = Module['FS'].readFile(path);
    var mime = /\.html$/.test(name) ? 'text/html;charset=utf-8' : /\.csv$/.test(name) ? 'text/csv;charset=utf-8'
                                                                                      : 'application/octet-stream';
    var url = URL.createObjectURL(new Blob([data], { type: mime }));
    var a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    document.body.removeChild(a);
    setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
    (Module['jianfuDownloads'] = Module['jianfuDownloads'] || []).push(name);
  };
  Module['jianfuChooseFile'] = function (accept) {
    var input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.style.display = 'none';
    input.addEventListener('change', function () {
      var f = input.files && input.files[0];
      document.body.removeChild(input);
      if (!f) return;
      f.arrayBuffer().then(function (buf) {
        var path = '/tmp/chosen-' + (++picks) + '-' + f.name.replace(/[^A-Za-z0-9._-]/g, '_');
        Module['FS'].writeFile(path, new Uint8Array(buf));
        Module['ccall']('jianfu_file_chosen', null, ['string'], [path]);
      });
    });
    document.body.appendChild(input);
    input.click();
  };
})();
