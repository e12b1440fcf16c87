# claimgraph as a container: a static binary on a distroless base.
#   docker build -t claimgraph .
#   docker run -p 8080:8080 -v claimgraph-data:/data claimgraph
# The default store is a bolt file in /data; CLAIMGRAPH_BACKEND and
# CLAIMGRAPH_DATA choose another (postgres, cockroach: see docker-compose.yml).

FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.version=${VERSION}" -o /out/claimgraph ./cmd/claimgraph \
 && mkdir -p /out/data

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/claimgraph /usr/local/bin/claimgraph
# A volume mounted here starts with this directory's owner: nonroot may write.
COPY --from=build --chown=nonroot:nonroot /out/data /data
ENV CLAIMGRAPH_DATA=/data/claimgraph.db
EXPOSE 8080
ENTRYPOINT ["/usr/local/bin/claimgraph"]
CMD ["serve", "--addr", ":8080"]
